package io.dailies.emulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One request of a batch and what became of it. Written when the input file is validated, with what
 * the request asks for already judged (a video's parameters, or a chat completion's answer), so the
 * input file is read only once and may be deleted afterwards.
 */
@Entity
// custom_id is unique within a batch by validation (a long custom_id would not fit a unique index on every database).
@Table(name = "emulator_batch_line", indexes = @Index(name = "emulator_batch_line_batch", columnList = "batchId"))
@NamedQuery(name = "EmulatedBatchLine.ofBatch", query = "select l from EmulatedBatchLine l where l.batchId = :batch order by l.number")
@NamedQuery(name = "EmulatedBatchLine.inState", query = "select l from EmulatedBatchLine l where l.batchId = :batch and l.state = :state order by l.number")
@NamedQuery(name = "EmulatedBatchLine.counts", query = "select l.state, count(l) from EmulatedBatchLine l where l.batchId = :batch group by l.state")
@NamedQuery(name = "EmulatedBatchLine.videos", query = "select v from EmulatedVideo v where v.id in "
        + "(select l.videoId from EmulatedBatchLine l where l.batchId = :batch and l.state in :states)")
public class EmulatedBatchLine {

    /** Not started yet. */
    public static final String PENDING = "pending";
    /** Its generation was created and is not finished. */
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue
    private Long id;
    @Column(nullable = false, length = 64) private String batchId;
    /** The line number in the input file. */
    private int number;
    @Column(nullable = false, length = BatchInput.MAX_CUSTOM_ID) private String customId;
    @Column(nullable = false, length = 12) private String state = PENDING;
    /** The output line's id (batch_req_...) and the request id of its response, fixed so a retry writes the same. */
    @Column(nullable = false, length = 64) private String resultId;
    @Column(nullable = false, length = 64) private String requestId;
    // A video request's normalised parameters.
    @Column(length = 100) private String model;
    @Column(length = VideoParams.MAX_PROMPT_CHARS) private String prompt;
    @Column(length = 20) private String size;
    @Column(length = 4) private String seconds;
    @Column(length = 64) private String videoId;
    /** A chat completion request's answer (JSON). */
    @Column(length = 100_000) private String response;
    // Why the request failed; set at validation for a request the endpoint would refuse.
    @Column(length = 100) private String errorCode;
    @Column(length = 100) private String errorParam;
    @Column(length = 2000) private String errorMessage;
    private Long finishedAtMillis;

    protected EmulatedBatchLine() {
    }

    public EmulatedBatchLine(String batchId, int number, String customId, String resultId, String requestId) {
        this.batchId = batchId;
        this.number = number;
        this.customId = customId;
        this.resultId = resultId;
        this.requestId = requestId;
    }

    public Long getId() { return id; }
    public String getBatchId() { return batchId; }
    public int getNumber() { return number; }
    public String getCustomId() { return customId; }
    public String getState() { return state; }
    public String getResultId() { return resultId; }
    public String getRequestId() { return requestId; }
    public String getModel() { return model; }
    public String getPrompt() { return prompt; }
    public String getSize() { return size; }
    public String getSeconds() { return seconds; }
    public String getVideoId() { return videoId; }
    public String getResponse() { return response; }
    public String getErrorCode() { return errorCode; }
    public String getErrorParam() { return errorParam; }
    public String getErrorMessage() { return errorMessage; }
    public Long getFinishedAtMillis() { return finishedAtMillis; }

    public boolean isFinished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }

    /** A valid video request, to be started. */
    public void video(String model, String prompt, String size, String seconds) {
        this.model = model;
        this.prompt = prompt;
        this.size = size;
        this.seconds = seconds;
    }

    /** A chat completion request, answered at validation: the emulated judge answers at once. */
    public void answer(String response) {
        this.response = response;
    }

    /** A request the endpoint refuses; it fails when the batch reaches it. */
    public void refuse(String code, String param, String message) {
        this.errorCode = clip(code, 100);
        this.errorParam = clip(param, 100);
        this.errorMessage = clip(message, 2000);
    }

    public void run(String videoId) {
        this.videoId = videoId;
        this.state = RUNNING;
    }

    public void succeed(long nowMillis) {
        state = SUCCEEDED;
        finishedAtMillis = nowMillis;
    }

    public void fail(String code, String param, String message, long nowMillis) {
        refuse(code, param, message);
        state = FAILED;
        finishedAtMillis = nowMillis;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
