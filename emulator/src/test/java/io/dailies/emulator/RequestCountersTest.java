package io.dailies.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RequestCountersTest {

    @Test
    void idsInPathsBecomeTemplates() {
        assertEquals("/videos", RequestCounters.template("/videos"));
        assertEquals("/videos/{id}", RequestCounters.template("/videos/video_68d2a0f9c1e4"));
        assertEquals("/videos/{id}/content", RequestCounters.template("/videos/video_68d2a0f9c1e4/content?variant=thumbnail"));
        assertEquals("/files/{id}/content", RequestCounters.template("/files/file-abc123/content"));
        assertEquals("/batches/{id}/cancel", RequestCounters.template("/batches/batch_1/cancel"));
        assertEquals("/videos/characters/{id}", RequestCounters.template("/videos/characters/char_9"));
        assertEquals("/videos/{id}", RequestCounters.template("/videos/video_doesnotexist"));
        assertEquals("/chat/completions", RequestCounters.template("/chat/completions"));
        assertEquals("/", RequestCounters.template(""));
    }

    @Test
    void countsPerMethodTemplateAndOutcomeUntilReset() {
        RequestCounters c = new RequestCounters();
        c.count("POST", "/videos", "200");
        c.count("POST", "/videos", "429");
        c.count("POST", "/videos", "429");
        c.count("GET", "/videos/video_1", "200");
        c.count("GET", "/videos/video_2", "200");
        c.faultFired();
        assertEquals(Map.of("POST /videos 200", 1L, "POST /videos 429", 2L, "GET /videos/{id} 200", 2L), c.requests());
        assertEquals(2, c.requests("POST /videos 429"));
        assertEquals(1, c.faultsFired());
        c.reset();
        assertEquals(Map.of(), c.requests());
        assertEquals(0, c.faultsFired());
        assertEquals(0, c.requests("POST /videos 429"));
    }

    @Test
    void countsFromManyThreadsAddUp() throws Exception {
        RequestCounters c = new RequestCounters();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5000; i++) {
                        c.count("GET", "/videos/video_" + (i % 7), thread % 2 == 0 ? "200" : "404");
                        c.faultFired();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20_000, c.requests("GET /videos/{id} 200"));
        assertEquals(20_000, c.requests("GET /videos/{id} 404"));
        assertEquals(40_000, c.faultsFired());
    }
}
