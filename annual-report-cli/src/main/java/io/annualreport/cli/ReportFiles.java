package io.annualreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the paths on the command line into report files: files, directories walked for reports, and globs. */
final class ReportFiles {

    private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "doc", "wps", "et", "xls", "xlsx", "html",
            "htm",
            "txt", "md", "png", "jpg", "jpeg", "tif", "tiff", "rtf", "zip");

    private ReportFiles() {
    }

    /**
     * Files as given, report files below directories, and matches of globs such as {@code 'reports/**}{@code /*.pdf'};
     * what matches nothing is named on {@code err}.
     */
    static List<Path> expand(List<String> paths, PrintWriter err) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            if (isGlob(p)) {
                List<Path> matched = glob(p);
                if (matched.isEmpty()) {
                    err.println("skipped (no match): " + p);
                }
                files.addAll(matched);
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ReportFiles::isReportFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                err.println("skipped (not found): " + p);
            }
        }
        return files;
    }

    private static boolean isGlob(String p) {
        return p.contains("*") || p.contains("?") || p.contains("[") || p.contains("{");
    }

    /** Files matching a glob, walked from the longest directory prefix without wildcards. */
    private static List<Path> glob(String pattern) throws IOException {
        String normalized = pattern.replace('\\', '/');
        int wildcard = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String relative = slash < 0 ? normalized : normalized.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile).filter(f -> matcher.matches(base.relativize(f)))
                    .map(f -> slash < 0 ? base.relativize(f) : f).sorted().toList();
        }
    }

    private static int firstWildcard(String p) {
        int first = p.length();
        for (char c : new char[]{'*', '?', '[', '{'}) {
            int i = p.indexOf(c);
            if (i >= 0) {
                first = Math.min(first, i);
            }
        }
        return first;
    }

    private static boolean isReportFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }
}
