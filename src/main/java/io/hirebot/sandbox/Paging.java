package io.hirebot.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Feishu list paging: page_size bounds, an opaque page_token, has_more; invalid values are error 1002002. */
final class Paging {

  private static final String PREFIX = "offset:";
  /** Set on a request that {@link Faults#stuckPaging} matches: its page is the first again, with more to come. */
  static final String STUCK_KEY = "sandbox.stuckPaging";
  /** Set on a request that {@link Faults#repeatingPages} matches: its first page's token starts the list over. */
  static final String REPEAT_KEY = "sandbox.repeatingPages";

  private Paging() {}

  /** Reads page_size (default when absent), refusing values outside 1..max with 1002002. */
  static int pageSize(RoutingContext ctx, int defaultSize, int max) {
    String raw = ctx.request().getParam("page_size");
    if (raw == null || raw.isBlank()) {
      return defaultSize;
    }
    try {
      int size = Integer.parseInt(raw.trim());
      if (size < 1 || size > max) {
        throw ApiError.hireParam("page_size must be between 1 and " + max);
      }
      return size;
    } catch (NumberFormatException e) {
      throw ApiError.hireParam("page_size is not a number");
    }
  }

  /** One page of {@code all} as {items, has_more, page_token}. */
  static <T> JsonObject page(RoutingContext ctx, List<T> all, int size, Function<T, Object> render) {
    boolean stuck = Boolean.TRUE.equals(ctx.get(STUCK_KEY));
    String given = ctx.request().getParam("page_token");
    boolean startsOver = Boolean.TRUE.equals(ctx.get(REPEAT_KEY)) && (given == null || given.isBlank());
    int offset = stuck ? 0 : offset(given);
    int end = Math.min(all.size(), offset + size);
    JsonArray items = new JsonArray();
    for (int i = Math.min(offset, all.size()); i < end; i++) {
      items.add(render.apply(all.get(i)));
    }
    boolean more = stuck || startsOver || end < all.size();
    JsonObject page = new JsonObject().put("items", items).put("has_more", more);
    page.put("page_token", stuck || startsOver ? token(0) : more ? token(end) : "");
    return page;
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    if (token == null || token.isBlank()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw ApiError.hireParam("page_token is invalid");
      }
      return Integer.parseInt(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw ApiError.hireParam("page_token is invalid");
    }
  }
}
