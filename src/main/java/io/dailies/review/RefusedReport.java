package io.dailies.review;

import java.util.List;

/**
 * The 400 to a report upload with problems, in the API's problem shape plus every problem found; no
 * review was recorded.
 */
public record RefusedReport(int status, String title, String detail, List<ReportProblem> problems) {

    static RefusedReport of(List<ReportProblem> problems) {
        return new RefusedReport(400, "Bad Request",
                problems.size() + " problem(s) in the uploaded report; no review was recorded.", problems);
    }
}
