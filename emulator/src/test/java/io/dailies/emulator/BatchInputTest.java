package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input file rules of batch-jsonl.md, and a video request judged like POST /videos. */
class BatchInputTest {

    private static final String VIDEOS = "/v1/videos";

    private static String line(String customId, String body) {
        return "{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":" + body + "}";
    }

    private record Scan(List<BatchInput.Problem> problems, List<BatchInput.Request> requests) {
    }

    private static Scan scan(String text, String endpoint) {
        return scan(text.getBytes(StandardCharsets.UTF_8), endpoint);
    }

    private static Scan scan(byte[] bytes, String endpoint) {
        List<BatchInput.Request> requests = new ArrayList<>();
        try {
            List<BatchInput.Problem> problems = BatchInput.scan(new ByteArrayInputStream(bytes), endpoint, requests::add);
            return new Scan(problems, requests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aValidFileYieldsEveryRequestWithItsLineNumberAndNoProblems() {
        String file = "\uFEFF" + line("a", "{\"prompt\":\"one\"}") + "\r\n"
                + "\n"
                + line("b", "{\"prompt\":\"two\",\"size\":\"1280x720\"}") + "\r\n"
                + "   \n"
                + line("c", "{\"prompt\":\"three\"}"); // no newline at the end
        Scan s = scan(file, VIDEOS);
        assertEquals(List.of(), s.problems());
        assertEquals(List.of("a", "b", "c"), s.requests().stream().map(BatchInput.Request::customId).toList());
        assertEquals(List.of(1, 3, 5), s.requests().stream().map(BatchInput.Request::line).toList(), "blank lines keep their numbers");
        assertEquals("1280x720", s.requests().get(1).body().getString("size"));
    }

    @Test
    void everyBrokenLineIsReportedWithItsNumberCodeAndParam() {
        String file = String.join("\n",
                line("a", "{\"prompt\":\"ok\"}"),
                "custom_id,prompt",                                                                   // 2: CSV, not JSON
                line("a", "{\"prompt\":\"again\"}"),                                                  // 3: duplicate
                "{\"custom_id\":\"d\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{}}", // 4: wrong url
                "{\"custom_id\":\"e\",\"method\":\"GET\",\"url\":\"/v1/videos\",\"body\":{}}",        // 5: wrong method
                "{\"custom_id\":\"f\",\"method\":\"POST\",\"url\":\"/v1/videos\"}",                   // 6: no body
                "{\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{}}",                           // 7: no custom_id
                "{\"custom_id\":7,\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{}}",           // 8: custom_id not a string
                "{\"custom_id\":\"i\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":\"x\"}",    // 9: body not an object
                "[1,2]",                                                                              // 10: an array
                "{\"custom_id\":\"k\",\"url\":\"/v1/videos\",\"body\":{}}");                          // 11: no method
        Scan s = scan(file, VIDEOS);
        List<String> got = s.problems().stream().map(p -> p.line() + " " + p.code() + " " + p.param()).toList();
        assertEquals(List.of(
                "2 invalid_json_line null",
                "3 duplicate_custom_id custom_id",
                "4 invalid_url url",
                "5 invalid_method method",
                "6 missing_required_parameter body",
                "7 missing_required_parameter custom_id",
                "8 invalid_value custom_id",
                "9 invalid_value body",
                "10 invalid_json_line null",
                "11 missing_required_parameter method"), got);
        assertTrue(s.problems().get(1).message().contains("line 1"), "a duplicate names the line it repeats: " + s.problems().get(1));
        assertTrue(s.problems().get(2).message().contains("/v1/chat/completions"));
        JsonObject json = s.problems().get(1).json();
        assertEquals(3, json.getInt("line"));
        assertEquals("custom_id", json.getString("param"));
        assertTrue(s.problems().get(0).json().isNull("param"));
    }

    @Test
    void aLineHoldsExactlyOneJsonObject() {
        String one = line("a", "{\"prompt\":\"p\"}");
        assertEquals(List.of(), scan(one + "  ", VIDEOS).problems(), "trailing blanks are fine");
        assertEquals("invalid_json_line", scan(one + one.replace("\"a\"", "\"b\""), VIDEOS).problems().get(0).code(),
                "two requests on one line");
        assertEquals("invalid_json_line", scan(one + " x", VIDEOS).problems().get(0).code());
        assertEquals("invalid_json_line", scan("{\"custom_id\":", VIDEOS).problems().get(0).code());
    }

    @Test
    void moreThanFiftyThousandRequestsIsRefusedAtTheFirstLineTooMany() {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= BatchInput.MAX_REQUESTS + 1; i++) {
            file.append("{\"custom_id\":\"r").append(i).append("\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{}}\n");
        }
        Scan s = scan(file.toString(), VIDEOS);
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertEquals("too_many_lines", s.problems().get(0).code());
        assertEquals(BatchInput.MAX_REQUESTS + 1, s.problems().get(0).line());

        String exactly = file.substring(0, file.lastIndexOf("{\"custom_id\":\"r50001\""));
        assertEquals(List.of(), scan(exactly, VIDEOS).problems(), "50,000 requests are allowed");
    }

    @Test
    void anEmptyFileAndOneThatIsNotUtf8AreRefused() {
        assertEquals("empty_file", scan("\n \n", VIDEOS).problems().get(0).code());
        byte[] binary = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Scan s = scan(binary, VIDEOS);
        assertEquals(1, s.problems().size());
        assertEquals("invalid_file", s.problems().get(0).code());
    }

    @Test
    void theListOfProblemsStopsAtItsLimit() {
        String file = "not json\n".repeat(500);
        assertEquals(BatchInput.MAX_LISTED_PROBLEMS, scan(file, VIDEOS).problems().size());
    }

    @Test
    void aCustomIdLongerThanItsColumnIsRefused() {
        Scan s = scan(line("x".repeat(BatchInput.MAX_CUSTOM_ID + 1), "{}"), VIDEOS);
        assertEquals("custom_id", s.problems().get(0).param());
        assertEquals(List.of(), scan(line("x".repeat(BatchInput.MAX_CUSTOM_ID), "{}"), VIDEOS).problems());
    }

    @Test
    void chatCompletionLinesNeedTheChatEndpoint() {
        String chat = "{\"custom_id\":\"j1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"m\",\"messages\":[]}}";
        assertEquals(List.of(), scan(chat, "/v1/chat/completions").problems());
        assertEquals("invalid_url", scan(chat, VIDEOS).problems().get(0).code());
    }

    @Test
    void aVideoRequestIsJudgedByTheVideoRulesAndNamesTheParameter() {
        VideoParams.Result ok = BatchInput.videoRequest(json("{\"prompt\":\"A kite.\"}"));
        assertTrue(ok.ok(), String.valueOf(ok.message()));
        assertEquals("sora-2", ok.model());
        assertEquals("720x1280", ok.size());
        assertEquals("4", ok.seconds());

        VideoParams.Result size = BatchInput.videoRequest(json("{\"prompt\":\"A kite.\",\"model\":\"sora-2\",\"size\":\"1792x1024\"}"));
        assertFalse(size.ok());
        assertEquals("size", size.param());
        assertTrue(size.message().contains("1792x1024"), size.message());

        assertEquals("seconds", BatchInput.videoRequest(json("{\"prompt\":\"A kite.\",\"seconds\":8}")).param(), "seconds must be a string");
        assertEquals("prompt", BatchInput.videoRequest(json("{\"model\":\"sora-2\"}")).param());
        assertEquals("model", BatchInput.videoRequest(json("{\"prompt\":\"p\",\"model\":\"sora-3\"}")).param());
        assertEquals("input_reference", BatchInput.videoRequest(json("{\"prompt\":\"p\",\"input_reference\":\"@ref.jpg\"}")).param(),
                "no uploads inside a batch");
        assertEquals("input_reference", BatchInput.videoRequest(json("{\"prompt\":\"p\",\"input_reference\":{}}")).param());
        VideoParams.Result ref = BatchInput.videoRequest(json("{\"prompt\":\"p\",\"input_reference\":{\"file_id\":\"file-1\"}}"));
        assertTrue(ref.ok());
        assertNull(ref.param());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }
}
