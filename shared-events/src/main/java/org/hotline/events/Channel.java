package org.hotline.events;

/** How a case reached the hotline. */
public enum Channel {
    PHONE, WALK_IN, WEB, APP, EMAIL, LETTER, WECHAT
}
