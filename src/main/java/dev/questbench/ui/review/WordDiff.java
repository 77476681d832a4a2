package dev.questbench.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changed parts of a removed line and the added line that replaced it: a longest-common-subsequence over
 * words, so "return a + b;" → "return a - b;" marks only "+" and "-". Plain Java.
 */
public final class WordDiff {
    /** Lines with more tokens than this are marked whole: the LCS table is quadratic. */
    private static final int MAX_TOKENS = 400;
    private static final Pattern TOKEN = Pattern.compile("\\w+|\\s+|.");

    /** Changed character ranges {@code [start, end)} on each side, merged where adjacent. */
    public record Result(List<int[]> oldRanges, List<int[]> newRanges) {
    }

    private WordDiff() {
    }

    public static Result of(String oldLine, String newLine) {
        List<int[]> a = tokens(oldLine);
        List<int[]> b = tokens(newLine);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return new Result(List.of(new int[] {0, oldLine.length()}), List.of(new int[] {0, newLine.length()}));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(oldLine, a.get(i), newLine, b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> oldRanges = new ArrayList<>();
        List<int[]> newRanges = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && same(oldLine, a.get(i), newLine, b.get(j))) {
                i++;
                j++;
            } else if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(oldRanges, a.get(i++));
            } else {
                add(newRanges, b.get(j++));
            }
        }
        return new Result(oldRanges, newRanges);
    }

    private static List<int[]> tokens(String line) {
        List<int[]> result = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            result.add(new int[] {m.start(), m.end()});
        }
        return result;
    }

    private static boolean same(String a, int[] ta, String b, int[] tb) {
        int len = ta[1] - ta[0];
        return len == tb[1] - tb[0] && a.regionMatches(ta[0], b, tb[0], len);
    }

    private static void add(List<int[]> ranges, int[] token) {
        if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == token[0]) {
            ranges.get(ranges.size() - 1)[1] = token[1];
        } else {
            ranges.add(new int[] {token[0], token[1]});
        }
    }
}
