package org.hotline.intake.caseintake;

import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Urgency;

import org.hibernate.validator.constraints.URL;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A case as a front desk posts it.
 *
 * @param answer an answer given on the spot; the case is then opened and resolved at once
 * @param aboutHotlineService a complaint about the hotline service itself, for the supervision group
 */
public record NewCaseRequest(@NotNull Channel channel, @NotNull CaseKind kind,
        @NotBlank @Size(max = 40) String category, @Size(max = 40) String subCategory, @NotNull Urgency urgency,
        @NotBlank @Size(max = 4000) String description, @NotNull @Valid Caller caller, @Valid Location location,
        List<@Size(max = 2000) @URL(regexp = "^(https?)://.*") String> attachments, @Size(max = 64) String operatorId,
        @Size(max = 128) String externalReference, Instant ringStartedAt, Instant answeredAt, Instant arrivedAt,
        Instant receivedAt, @Size(max = 4000) String answer,
        boolean aboutHotlineService) {

    public record Caller(@Size(max = 200) String name, @Size(max = 40) String phone,
            @Email @Size(max = 200) String email, @Size(max = 200) String organisation, boolean anonymous,
            FeedbackChannel preferredFeedbackChannel) {

        @AssertTrue(message = "a caller who is not anonymous needs a phone number or an e-mail address")
        boolean isReachableOrAnonymous() {
            return anonymous || (phone != null && !phone.isBlank()) || (email != null && !email.isBlank());
        }
    }

    public record Location(@Size(max = 500) String address, @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude, @Size(max = 20) String area) {
    }

    @AssertTrue(message = "answeredAt must not be before ringStartedAt")
    boolean isAnsweredAfterRinging() {
        return ringStartedAt == null || answeredAt == null || !answeredAt.isBefore(ringStartedAt);
    }

    @AssertTrue(message = "receivedAt must not be before arrivedAt")
    boolean isReceivedAfterArrival() {
        return arrivedAt == null || receivedAt == null || !receivedAt.isBefore(arrivedAt);
    }
}
