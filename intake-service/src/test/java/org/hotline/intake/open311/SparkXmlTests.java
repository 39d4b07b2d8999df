package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SparkXmlTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenTheSpecsPostResponseIsWrittenThenItIsTheSpecsXml() {
        String xml = SparkXml.write("service_requests", json.readTree("""
                [{"service_request_id":"293944","service_notice":"The City will inspect","account_id":null}]"""));

        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"
                + "<service_request_id>293944</service_request_id><service_notice>The City will inspect"
                + "</service_notice><account_id/></request></service_requests>");
    }

    @Test
    void whenAnObjectHoldsListsThenTheirItemsTakeTheSingularName() {
        String xml = SparkXml.write("service_definition", json.readTree("""
                {"service_code":"DMV66","attributes":[{"code":"WHISHETN","order":1,"required":true,
                 "values":[{"key":"123","name":"Ford"}]}]}"""));

        assertThat(xml).contains("<service_definition><service_code>DMV66</service_code><attributes><attribute>"
                + "<code>WHISHETN</code><order>1</order><required>true</required><values><value><key>123</key>"
                + "<name>Ford</name></value></values></attribute></attributes></service_definition>");
    }

    @Test
    void whenTextHasMarkupOrControlCharactersThenTheXmlStaysWellFormed() {
        String xml = SparkXml.write("errors", json.readTree("""
                [{"code":400,"description":"a < b & \\u0001c"}]"""));

        assertThat(xml).contains("<description>a &lt; b &amp; c</description>");
    }
}
