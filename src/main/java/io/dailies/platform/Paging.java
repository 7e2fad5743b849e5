package io.dailies.platform;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The paging of a list endpoint, as a {@code @BeanParam}: {@code ?limit=} and {@code ?offset=} in,
 * and the answer out. The body stays the JSON array every list always answered (so a client reading
 * an array keeps working); the rest is in headers:
 * <ul>
 *   <li>{@code X-Total-Count}: how many items the whole list has, with the request's filters;</li>
 *   <li>{@code Link}: {@code <...>; rel="next"} while items come after the page, {@code rel="prev"} after the first.</li>
 * </ul>
 */
public class Paging {

    public static final String TOTAL_COUNT = "X-Total-Count";

    @QueryParam("limit")
    String limit;

    @QueryParam("offset")
    String offset;

    @Context
    UriInfo uri;

    /** The page asked for; 400 naming {@code limit} or {@code offset} when one is out of range. */
    public PageRequest request() {
        return PageRequest.of(limit, offset);
    }

    /** 200 with the page's items as a JSON array, the total count and the links to the pages beside it. */
    public Response answer(Page<?> page) {
        Response.ResponseBuilder ok = Response.ok(page.items(), MediaType.APPLICATION_JSON_TYPE)
                .header(TOTAL_COUNT, page.total());
        String links = uri == null ? null : page.links(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery());
        if (links != null) {
            ok.header("Link", links);
        }
        return ok.build();
    }
}
