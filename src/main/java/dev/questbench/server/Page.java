package dev.questbench.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination per the Cloud Agents conventions: {@code limit} (1–100, default 20) and at most one cursor of
 * {@code page}, {@code after_id}, {@code before_id}; replies {@code {data, next_page, first_id, last_id, has_more}}.
 *
 * @param after  the id the page starts after (from {@code page} or {@code after_id}), or null
 * @param before the id the page ends before, or null
 */
record Page(int limit, String after, String before) {

    static Page parse(ApiExchange ex) {
        String rawLimit = ex.query("limit");
        int limit = 20;
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.strip());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Field 'limit' must be a positive integer.", "limit");
            }
            if (limit <= 0) {
                throw ApiException.invalid("Field 'limit' must be a positive integer.", "limit");
            }
            if (limit > 100) {
                throw ApiException.invalid("limit exceeds maximum of 100", "limit");
            }
        }
        String page = blankToNull(ex.query("page"));
        String after = blankToNull(ex.query("after_id"));
        String before = blankToNull(ex.query("before_id"));
        int cursors = (page == null ? 0 : 1) + (after == null ? 0 : 1) + (before == null ? 0 : 1);
        if (cursors > 1) {
            throw ApiException.invalid("Give at most one of page, after_id and before_id.");
        }
        return new Page(limit, page != null ? page : after, before);
    }

    /** One page of an already ordered list; an unknown cursor is a 400. */
    <T> ObjectNode apply(List<T> ordered, Function<T, String> id, Function<T, ObjectNode> view) {
        int from = 0;
        int to = ordered.size();
        if (after != null) {
            from = indexOf(ordered, id, after) + 1;
        } else if (before != null) {
            to = indexOf(ordered, id, before);
            from = Math.max(0, to - limit);
        }
        int end = Math.min(to, from + limit);
        List<T> slice = ordered.subList(from, end);
        boolean more = before == null ? end < ordered.size() : from > 0;
        return envelope(slice.stream().map(view).toList(), more);
    }

    /** The reply envelope around items already cut to one page. */
    static ObjectNode envelope(List<ObjectNode> items, boolean more) {
        ObjectNode out = ApiExchange.JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        items.forEach(data::add);
        String first = items.isEmpty() ? null : items.get(0).path("id").asText();
        String last = items.isEmpty() ? null : items.get(items.size() - 1).path("id").asText();
        if (more && last != null) {
            out.put("next_page", last);
        } else {
            out.putNull("next_page");
        }
        putOrNull(out, "first_id", first);
        putOrNull(out, "last_id", last);
        out.put("has_more", more);
        return out;
    }

    private static <T> int indexOf(List<T> ordered, Function<T, String> id, String wanted) {
        for (int i = 0; i < ordered.size(); i++) {
            if (id.apply(ordered.get(i)).equals(wanted)) {
                return i;
            }
        }
        throw ApiException.invalid("Unknown cursor '" + wanted + "'.");
    }

    private static void putOrNull(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
