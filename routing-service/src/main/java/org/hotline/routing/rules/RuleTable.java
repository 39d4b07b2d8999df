package org.hotline.routing.rules;

/** Where the rule table in force comes from. */
@FunctionalInterface
public interface RuleTable {

    RoutingRules current();
}
