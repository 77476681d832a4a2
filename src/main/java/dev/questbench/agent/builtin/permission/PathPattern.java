package dev.questbench.agent.builtin.permission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The file part of a {@code Read(...)} or {@code Edit(...)} rule, matched gitignore-style: {@code /src/**} from the
 * rule's root, {@code ~/x} from home, {@code //tmp/x} from the file system root, {@code src/**} from the root too,
 * and a bare name such as {@code *.pem} at any depth. As in gitignore, matching a folder matches what is inside.
 */
final class PathPattern {
    private final Anchor anchor;
    private final Pattern glob;

    private enum Anchor { ROOT, HOME, ABSOLUTE, ANY_DEPTH }

    private PathPattern(Anchor anchor, String glob) {
        this.anchor = anchor;
        this.glob = glob.isEmpty() ? null : Globs.path(glob);
    }

    static PathPattern of(String spec) {
        String p = spec.trim();
        if (p.startsWith("//")) {
            return new PathPattern(Anchor.ABSOLUTE, folderGlob(p.substring(2)));
        }
        if (p.equals("~") || p.startsWith("~/")) {
            return new PathPattern(Anchor.HOME, folderGlob(p.length() > 2 ? p.substring(2) : ""));
        }
        if (p.startsWith("/")) {
            return new PathPattern(Anchor.ROOT, folderGlob(p.substring(1)));
        }
        if (p.startsWith("./")) {
            return new PathPattern(Anchor.ROOT, folderGlob(p.substring(2)));
        }
        String withoutTrailing = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if (!withoutTrailing.contains("/")) {
            return new PathPattern(Anchor.ANY_DEPTH, withoutTrailing);
        }
        return new PathPattern(Anchor.ROOT, folderGlob(p));
    }

    /**
     * @param target an absolute, normalized path
     * @param root   where {@code /}-patterns are anchored (the rule file's project, or home for user settings)
     */
    boolean matches(Path target, Path root, Path home) {
        if (target == null) {
            return false;
        }
        if (anchor == Anchor.ANY_DEPTH) {
            Path base = root != null && target.startsWith(root) ? root.relativize(target) : target;
            for (Path name : base) {
                if (glob == null || glob.matcher(name.toString()).matches()) {
                    return true;
                }
            }
            return false;
        }
        Path base = switch (anchor) {
            case ROOT -> root;
            case HOME -> home;
            default -> target.getRoot();
        };
        if (base == null) {
            return false;
        }
        base = base.toAbsolutePath().normalize();
        if (!target.startsWith(base)) {
            return false;
        }
        if (glob == null) {
            return true;
        }
        for (String candidate : selfAndAncestors(base.relativize(target))) {
            if (glob.matcher(candidate).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code build/} means the folder and everything in it. */
    private static String folderGlob(String glob) {
        return glob.endsWith("/") ? glob + "**" : glob;
    }

    /** {@code a/b/c} → {@code a}, {@code a/b}, {@code a/b/c}: a pattern matching a folder covers its contents. */
    private static List<String> selfAndAncestors(Path relative) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Path name : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(name);
            out.add(sb.toString());
        }
        return out;
    }
}
