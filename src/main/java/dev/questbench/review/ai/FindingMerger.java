package dev.questbench.review.ai;

import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merges the passes' findings: two findings on the same file with overlapping lines and a similar title (or the
 * very same lines) become one, keeping the higher severity, the longer evidence and every pass's name.
 */
final class FindingMerger {
    private static final List<String> SEVERITIES = List.of("critical", "warning", "suggestion");
    private static final Comparator<Finding> ORDER = Comparator.comparingInt((Finding f) -> rank(f.severity()))
            .thenComparing(Finding::path).thenComparingInt(Finding::startLine).thenComparingInt(Finding::endLine);

    private FindingMerger() {
    }

    /** Merged, sorted by severity then file and line, with ids {@code ai-1}, {@code ai-2}, … in that order. */
    static List<Finding> merge(List<Finding> all, String idPrefix) {
        List<Finding> merged = new ArrayList<>();
        for (Finding finding : all.stream().sorted(ORDER).toList()) {
            int same = indexOfSame(merged, finding);
            if (same < 0) {
                merged.add(finding);
            } else {
                merged.set(same, combine(merged.get(same), finding));
            }
        }
        merged.sort(ORDER);
        List<Finding> numbered = new ArrayList<>();
        for (Finding f : merged) {
            numbered.add(new Finding(idPrefix + "-" + (numbered.size() + 1), f.pass(), f.severity(), f.path(),
                    f.startLine(), f.endLine(), f.title(), f.evidence(), f.suggestion()));
        }
        return numbered;
    }

    static int rank(String severity) {
        int index = SEVERITIES.indexOf(severity);
        return index < 0 ? SEVERITIES.size() : index;
    }

    private static int indexOfSame(List<Finding> merged, Finding finding) {
        for (int i = 0; i < merged.size(); i++) {
            if (sameIssue(merged.get(i), finding)) {
                return i;
            }
        }
        return -1;
    }

    static boolean sameIssue(Finding a, Finding b) {
        if (!a.path().equals(b.path()) || a.startLine() > b.endLine() || b.startLine() > a.endLine()) {
            return false;
        }
        boolean sameLines = a.startLine() == b.startLine() && a.endLine() == b.endLine();
        return sameLines || similar(a.title(), b.title());
    }

    /** Titles share at least half their words (ignoring short words), or one contains the other. */
    static boolean similar(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (!x.isBlank() && !y.isBlank() && (x.contains(y) || y.contains(x))) {
            return true;
        }
        Set<String> left = words(x);
        Set<String> right = words(y);
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        long shared = left.stream().filter(right::contains).count();
        return shared * 2 >= Math.min(left.size(), right.size()) && shared >= 1;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}_]+")).filter(word -> word.length() > 2)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Finding combine(Finding kept, Finding other) {
        Finding stronger = rank(other.severity()) < rank(kept.severity()) ? other : kept;
        Finding weaker = stronger == kept ? other : kept;
        Set<String> passes = new LinkedHashSet<>(Arrays.asList(kept.pass().split(", ")));
        passes.addAll(Arrays.asList(other.pass().split(", ")));
        String evidence = stronger.evidence().length() >= weaker.evidence().length() ? stronger.evidence()
                : weaker.evidence();
        String suggestion = stronger.suggestion().isBlank() ? weaker.suggestion() : stronger.suggestion();
        return new Finding(null, String.join(", ", passes), stronger.severity(), kept.path(),
                Math.min(kept.startLine(), other.startLine()), Math.max(kept.endLine(), other.endLine()),
                stronger.title(), evidence, suggestion);
    }
}
