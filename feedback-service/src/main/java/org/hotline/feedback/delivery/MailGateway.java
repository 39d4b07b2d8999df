package org.hotline.feedback.delivery;

import org.hotline.events.FeedbackChannel;
import org.hotline.feedback.privacy.ContactKeys.Contact;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail through SMTP (Spring Mail). Without {@code spring.mail.host} Spring Boot makes no mail sender and this
 * channel is skipped.
 */
@Component
class MailGateway implements ChannelGateway {

    static final String NAME = "mail";

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailGateway(ObjectProvider<JavaMailSender> sender, DeliveryProperties properties) {
        this.sender = sender;
        this.from = properties.mail().from();
    }

    @Override
    public FeedbackChannel channel() {
        return FeedbackChannel.EMAIL;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unusableFor(Contact contact) {
        if (sender.getIfAvailable() == null) {
            return "no SMTP server configured";
        }
        return contact.email() == null || contact.email().isBlank() ? "no e-mail address" : null;
    }

    @Override
    public void send(Contact contact, FeedbackMessage message, String reference) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(contact.email());
        mail.setSubject(message.subject());
        mail.setText(message.text());
        sender.getObject().send(mail);
    }
}
