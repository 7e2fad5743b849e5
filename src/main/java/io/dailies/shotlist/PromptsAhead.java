package io.dailies.shotlist;

import io.dailies.core.ShotContent;
import io.dailies.prompt.LintReport;
import io.dailies.prompt.PromptBook;
import io.dailies.prompt.PromptLinter;
import io.dailies.prompt.ShotSpec;
import io.dailies.shotlist.sheet.ShotRowData;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles and lints the load step's prompts ahead of the writer, on other threads, while the step reads and
 * checks the next rows: compiling is most of a row's cost and needs nothing from the database, so it can run on
 * the machine's other cores. The writer takes each row's report; a prompt no worker has started yet is compiled
 * by the writer itself, so nothing waits on a queue. Pure work: a lost or abandoned job changes nothing.
 */
final class PromptsAhead {

    /** Workers at most; each takes jobs from the queue until it is empty. */
    private final int workers;
    private final Executor executor;
    private final PromptLinter linter;
    private final Queue<Job> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    /** Jobs queued that no thread has claimed yet. */
    private final AtomicInteger waiting = new AtomicInteger();

    PromptsAhead(Executor executor, int workers, PromptLinter linter) {
        this.executor = executor;
        this.workers = workers;
        this.linter = linter;
    }

    /** Queues the prompt of a shot with this content, sequence and shot code, compiled against the look. */
    Job submit(ShotContent content, String sequence, String shotCode, PromptBook.Look look) {
        Job job = new Job(content, sequence, shotCode, look);
        waiting.incrementAndGet();
        queue.add(job);
        if (running.get() < workers) {
            running.incrementAndGet();
            try {
                executor.execute(this::work);
            } catch (RuntimeException e) {
                running.decrementAndGet(); // refused (shutting down): the writer compiles it
            }
        }
        return job;
    }

    /** A prompt compiled earlier (by the validation pass), for a shot with this content, sequence and shot code. */
    Job done(ShotContent content, String sequence, String shotCode, PromptBook.Look look, LintReport report) {
        Job job = new Job(content, sequence, shotCode, look);
        job.claimed.set(true);
        job.report.complete(report);
        return job;
    }

    /** How many queued prompts no thread has started yet. */
    int waiting() {
        return waiting.get();
    }

    private void work() {
        try {
            for (Job job = queue.poll(); job != null; job = queue.poll()) {
                job.run();
            }
        } finally {
            running.decrementAndGet();
        }
    }

    /** A row the load step stores, with its prompt being compiled. */
    record Row(ShotRowData data, Job prompt) {
    }

    /** One shot's prompt: compiled by whichever thread claims it first. */
    final class Job {
        private final ShotContent content;
        private final String sequence;
        private final String shotCode;
        private final PromptBook.Look look;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<LintReport> report = new CompletableFuture<>();

        private Job(ShotContent content, String sequence, String shotCode, PromptBook.Look look) {
            this.content = content;
            this.sequence = sequence;
            this.shotCode = shotCode;
            this.look = look;
        }

        private boolean claim() {
            if (claimed.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                return true;
            }
            return false;
        }

        private void run() {
            if (claim()) {
                try {
                    report.complete(linter.lint(ShotSpec.of(content, sequence, shotCode), look.spine(), look.bible()));
                } catch (RuntimeException | Error e) {
                    report.completeExceptionally(e);
                }
            }
        }

        /** Whether this is the prompt of a shot that reads so (a stored shot may spell its codes otherwise). */
        boolean isFor(ShotContent content, String sequence, String shotCode, PromptBook.Look look) {
            return this.content.equals(content) && this.sequence.equals(sequence) && this.shotCode.equals(shotCode)
                    && Objects.equals(this.look, look);
        }

        /** Whether the report is there (or compiling it failed). */
        boolean isDone() {
            return report.isDone();
        }

        /**
         * The report if a worker has compiled it or is compiling it (waiting for it then); null if none had started,
         * and then none will: whoever needs the prompt compiles it later.
         */
        LintReport reportIfStarted() {
            return claim() ? null : report();
        }

        /** The report, compiled here if no worker has started it. */
        LintReport report() {
            run();
            try {
                return report.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }
}
