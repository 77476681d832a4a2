package dev.questbench.preview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Splitting one CSV record into fields (RFC 4180 quotes) and the guesses made about a table's first rows. */
final class CsvFields {
    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?\\s*");

    private CsvFields() {
    }

    /** The record's fields; a trailing carriage return is dropped, doubled quotes inside quotes become one. */
    static List<String> split(String record, char delimiter) {
        String text = record.endsWith("\r") ? record.substring(0, record.length() - 1) : record;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches() && !value.contains(",");
    }

    /**
     * A first row is a header when its fields are all filled, distinct and not numbers, and some column below it
     * holds a number (or there is only one row of text and nothing to compare).
     */
    static boolean looksLikeHeader(List<List<String>> sample) {
        if (sample.isEmpty()) {
            return false;
        }
        List<String> first = sample.get(0);
        Set<String> seen = new HashSet<>();
        for (String name : first) {
            if (name.isBlank() || isNumber(name) || !seen.add(name)) {
                return false;
            }
        }
        if (sample.size() == 1) {
            return true;
        }
        for (int column = 0; column < first.size(); column++) {
            for (List<String> row : sample.subList(1, sample.size())) {
                if (column < row.size() && isNumber(row.get(column))) {
                    return true;
                }
            }
        }
        // All text: a header still differs from the rows below in that its names are short and unique.
        return first.stream().allMatch(name -> name.length() <= 40);
    }

    /** Spreadsheet-style names: A…Z, AA, AB… */
    static String columnLetter(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            name.insert(0, (char) ('A' + i % 26));
        }
        return name.toString();
    }
}
