package io.dailies.report;

import io.dailies.report.workbook.ShotResult;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A project's write-back results, one page of shots in memory at a time: an item is made when the page
 * holding it is first asked for, and the page before it is let go. Reading in shot order (as the write-back
 * does, a few times over) reads each page once per pass.
 */
final class PagedResults extends AbstractList<ShotResult> implements RandomAccess {

    static final int PAGE = 500;

    private final List<Long> shotIds;
    private final Function<List<Long>, List<ShotResult>> load;
    private int pageStart = -1;
    private List<ShotResult> page = List.of();

    PagedResults(List<Long> shotIds, Function<List<Long>, List<ShotResult>> load) {
        this.shotIds = shotIds;
        this.load = load;
    }

    @Override
    public ShotResult get(int index) {
        if (index < 0 || index >= shotIds.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int start = index / PAGE * PAGE;
        if (start != pageStart) {
            page = load.apply(shotIds.subList(start, Math.min(start + PAGE, shotIds.size())));
            pageStart = start;
        }
        return page.get(index - start);
    }

    @Override
    public int size() {
        return shotIds.size();
    }
}
