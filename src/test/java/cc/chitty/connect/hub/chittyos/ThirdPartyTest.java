package cc.chitty.connect.hub.chittyos;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cc.chitty.connect.hub.support.HubIntegrationTest;
import cc.chitty.connect.hub.support.StandIns;
import org.junit.jupiter.api.Test;

/** Notion, OpenAI and Google Calendar through the REST door, against stand-ins that follow the real APIs. */
class ThirdPartyTest extends HubIntegrationTest {

    private static final String DB = "d9824bdc-8445-4327-be8b-5b47500af6ce";

    @Test
    void notionQueriesCarryThePinnedVersionAndPassTheirOptionsThrough() {
        HttpResponse<String> answer = postJson("/api/thirdparty/notion/query", newKey(), "{\"databaseId\":\"" + DB
                + "\",\"filter\":{\"property\":\"Done\",\"checkbox\":{\"equals\":false}},\"sorts\":[{\"property\":"
                + "\"Name\",\"direction\":\"ascending\"}],\"start_cursor\":\"cursor-7\",\"page_size\":5}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(parse(answer.body()).get("object").asText()).isEqualTo("list");
        StandIns.of("notion").verify(postRequestedFor(urlPathEqualTo("/v1/databases/" + DB + "/query"))
                .withHeader("Notion-Version", equalTo("2022-06-28"))
                .withRequestBody(matchingJsonPath("$.filter.property", equalTo("Done")))
                .withRequestBody(matchingJsonPath("$.filter.checkbox.equals", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.sorts[0].property", equalTo("Name")))
                .withRequestBody(matchingJsonPath("$.start_cursor", equalTo("cursor-7")))
                .withRequestBody(matchingJsonPath("$.page_size", equalTo("5")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("databaseId")));
    }

    @Test
    void notionErrorsKeepTheirStatusAndABurstIsHeldToTheQuota() throws Exception {
        String key = newKey();
        HttpResponse<String> missing = postJson("/api/thirdparty/notion/query", key,
                "{\"databaseId\":\"00000000-0000-0000-0000-000000000000\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(parse(missing.body()).at("/upstreamError/code").asText()).isEqualTo("object_not_found");

        Thread.sleep(1100);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(CompletableFuture.supplyAsync(() -> postJson("/api/thirdparty/notion/page/create", key,
                    "{\"parent\":{\"database_id\":\"" + DB + "\"},\"properties\":{}}")));
        }
        List<Integer> statuses = burst.stream().map(f -> f.join().statusCode()).toList();
        assertThat(statuses).contains(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(6);
    }

    @Test
    void openAiChatAppliesTheDefaultModelAndNeverRetriesAnExhaustedQuota() throws Exception {
        String key = newKey();
        HttpResponse<String> chat = postJson("/api/thirdparty/openai/chat", key,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(parse(chat.body()).get("model").asText()).isEqualTo("gpt-4");

        Thread.sleep(1100);
        HttpResponse<String> quota = postJson("/api/thirdparty/openai/chat", key,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"quota\"}]}");
        assertThat(quota.statusCode()).isEqualTo(429);
        StandIns.of("openai").verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[?(@.content == 'quota')]")));
        assertThat(postJson("/api/thirdparty/openai/chat", key, "{\"messages\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void openAiChatRefusesUnlistedModelsUnknownFieldsAndUnboundedCounts() {
        String key = newKey();
        String hello = "\"messages\":[{\"role\":\"user\",\"content\":\"bill-attack\"}]";
        Map<String, String> attacks = Map.of(
                "model", "{" + hello + ",\"model\":\"gpt-4-32k\"}",
                "n", "{" + hello + ",\"n\":128}",
                "max_tokens", "{" + hello + ",\"max_tokens\":1000000}",
                "logit_bias", "{" + hello + ",\"logit_bias\":{\"50256\":100}}",
                "stream", "{" + hello + ",\"stream\":true}");

        attacks.forEach((field, body) -> {
            HttpResponse<String> refused = postJson("/api/thirdparty/openai/chat", key, body);
            assertFault(refused, 400, "validation");
            assertThat(parse(refused.body()).get("errors").findValuesAsText("field")).as(body).contains(field);
        });
        StandIns.of("openai").verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[?(@.content == 'bill-attack')]")));

        HttpResponse<String> listed = postJson("/api/thirdparty/openai/chat", key,
                "{" + hello.replace("bill-attack", "listed") + ",\"model\":\"gpt-4o-mini\",\"n\":2,\"max_tokens\":64}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(parse(listed.body()).get("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void calendarEventsDefaultToThePrimaryCalendarFromNow() {
        HttpResponse<String> events = send(request("/api/thirdparty/google/calendar/events")
                .header("X-ChittyOS-API-Key", newKey()).GET().build());

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(parse(events.body()).get("items")).hasSize(1);
        StandIns.of("google").verify(getRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .withQueryParam("singleEvents", equalTo("true")).withQueryParam("maxResults", equalTo("10"))
                .withQueryParam("timeMin", com.github.tomakehurst.wiremock.client.WireMock.matching("\\d{4}-.*Z")));
    }

    @Test
    void anUnknownCalendarIsANotFoundProblem() {
        HttpResponse<String> events = apiGet("/api/thirdparty/google/calendar/events?calendarId=missing", newKey());

        assertFault(events, 404, "not_found");
        assertThat(parse(events.body()).at("/upstreamError/error/errors/0/reason").asText()).isEqualTo("notFound");
        StandIns.of("google").verify(1, getRequestedFor(urlPathEqualTo("/calendar/v3/calendars/missing/events")));
    }
}
