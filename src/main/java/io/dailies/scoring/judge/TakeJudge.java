package io.dailies.scoring.judge;

import io.dailies.provider.ProviderException;
import io.dailies.provider.ProviderSettings;
import io.dailies.provider.VideoProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An optional second opinion on prompt adherence and physical realism, which pixels alone cannot
 * measure: a vision-capable model on an OpenAI-compatible /chat/completions endpoint sees frames
 * sampled from the take and the prompt, scores them on a fixed rubric and answers in a fixed JSON
 * shape. Its scores are shown as the judge's, beside the measured ones, and never replace them or a
 * reviewer's verdict.
 */
@ApplicationScoped
public class TakeJudge {

    public record Judgement(Integer promptAdherence, Integer physicalRealism, String rationale, String model) {
    }

    static final String RUBRIC = """
            You review AI-generated video takes for a film producer. You see frames sampled evenly from one take \
            and the prompt it was generated from. Score two criteria from 0 to 100:
            - prompt_adherence: did we get what we asked for (subject, action, camera, setting, lighting, palette, style)?
            - physical_realism: contacts, shadows, splashes, fabric behaviour, weight; no floating, clipping or morphing.
            100 = flawless, 70 = acceptable for the cut, 40 or below = must be regenerated. Judge only what the frames \
            show; say in one or two sentences what most lowered the scores.""";

    @Inject
    VideoProvider provider;

    @Inject
    @ConfigProperty(name = "dailies.judge.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "dailies.judge.api-key")
    Optional<String> apiKey;

    /** The provider's settings: the judge runs on the provider's gateway and key unless told otherwise. */
    @Inject
    ProviderSettings providerSettings;

    @Inject
    @ConfigProperty(name = "dailies.judge.model", defaultValue = "gpt-4.1-mini")
    String model;

    @Inject
    @ConfigProperty(name = "dailies.judge.frames", defaultValue = "4")
    int frames;

    /** The chat/completions request that asks for a take's judgement (sync or as one Batch API line). */
    public JsonObject requestFor(String prompt, Path take) throws IOException {
        return request(prompt, FrameSampler.sample(take, frames, 512));
    }

    /** The judge model's answer as a judgement; throws when it is off-rubric. */
    public Judgement read(JsonObject completion) {
        return parse(completion, model);
    }

    public String model() {
        return model;
    }

    /**
     * Settings for the judge's own gateway: its base URL and key, and the provider's organization and
     * project only when the judge runs on the provider's gateway. Used for judging through the Batch API.
     */
    public ProviderSettings gateway(ProviderSettings provider) {
        boolean same = baseUrl.equals(providerSettings.baseUrl());
        return new ProviderSettings(baseUrl, key(), same ? provider.organization() : Optional.empty(),
                same ? provider.project() : Optional.empty(), provider.connectTimeoutMs(), provider.readTimeoutMs(),
                provider.maxRetries(), provider.backoffBaseMs(), provider.backoffCapMs());
    }

    /** The judge's opinion; a judge that fails says so in the rationale and gives no scores. */
    public Judgement judge(String prompt, Path take) {
        try {
            List<byte[]> jpegs = FrameSampler.sample(take, frames, 512);
            JsonObject answer = provider.postJson(baseUrl, key(), "chat/completions", request(prompt, jpegs));
            return parse(answer, model);
        } catch (ProviderException e) {
            return new Judgement(null, null, "Judge unavailable: " + e.describe(), model);
        } catch (IOException | RuntimeException e) {
            return new Judgement(null, null, "Judge unavailable: " + e.getMessage(), model);
        }
    }

    /** The judge's own key; the provider's key only goes to the provider's own gateway. */
    Optional<String> key() {
        return apiKey.isPresent() ? apiKey : baseUrl.equals(providerSettings.baseUrl()) ? providerSettings.apiKey() : Optional.empty();
    }

    JsonObject request(String prompt, List<byte[]> jpegs) {
        JsonArrayBuilder content = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "text").add("text", "Prompt of the take:\n" + prompt));
        for (byte[] jpeg : jpegs) {
            content.add(Json.createObjectBuilder().add("type", "image_url").add("image_url", Json.createObjectBuilder()
                    .add("url", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)).add("detail", "low")));
        }
        JsonObject schema = Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("prompt_adherence", Json.createObjectBuilder().add("type", "integer").add("minimum", 0).add("maximum", 100))
                        .add("physical_realism", Json.createObjectBuilder().add("type", "integer").add("minimum", 0).add("maximum", 100))
                        .add("rationale", Json.createObjectBuilder().add("type", "string")))
                .add("required", Json.createArrayBuilder().add("prompt_adherence").add("physical_realism").add("rationale"))
                .add("additionalProperties", false)
                .build();
        return Json.createObjectBuilder()
                .add("model", model)
                .add("temperature", 0)
                .add("messages", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "system").add("content", RUBRIC))
                        .add(Json.createObjectBuilder().add("role", "user").add("content", content)))
                .add("response_format", Json.createObjectBuilder().add("type", "json_schema")
                        .add("json_schema", Json.createObjectBuilder().add("name", "take_judgement").add("strict", true).add("schema", schema)))
                .build();
    }

    /** Reads the structured answer; anything off-rubric is refused rather than half-believed. */
    static Judgement parse(JsonObject completion, String model) {
        String content = completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
        JsonObject verdict;
        try (JsonReader r = Json.createReader(new StringReader(content))) {
            verdict = r.readObject();
        }
        int adherence = verdict.getInt("prompt_adherence");
        int realism = verdict.getInt("physical_realism");
        if (adherence < 0 || adherence > 100 || realism < 0 || realism > 100) {
            throw new IllegalArgumentException("the judge answered scores outside 0-100: " + content);
        }
        return new Judgement(adherence, realism, verdict.getString("rationale", ""),
                completion.getString("model", model));
    }
}
