package org.hotline.feedback.casefeedback;

/** Where the feedback of the current result stands. */
enum FeedbackStatus {
    /** No result to feed back. */
    NONE,
    /** Resolved before the caller's details arrived: decided once the opening is here. */
    WAITING_FOR_CALLER,
    /** Due to be sent through the gateways. */
    PENDING,
    /** On the operators' worklist: the caller prefers phone, letter or a visit, or every gateway failed. */
    ON_WORKLIST,
    /** The caller was told. */
    DELIVERED,
    /** Nothing to send: answered on the spot during the call, or an anonymous caller. */
    NOT_NEEDED
}
