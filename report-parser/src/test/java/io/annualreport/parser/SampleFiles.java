package io.annualreport.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.annualreport.model.document.ExtractedDocument;

/** Locates the shared sample reports ({@code samples.dir}) and turns text samples into extracted documents. */
final class SampleFiles {

    private SampleFiles() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("samples.dir", "../samples")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("sample reports not found at " + root);
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static List<Path> list(String folder, String ending) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain text as extraction hands it over: text only, no positions, no tables. */
    static ExtractedDocument text(String text) {
        return new ExtractedDocument(text, List.of(), List.of(), null);
    }

    /** The report text of an excerpt: the URL, the META note and the "----" rule before it are not report text. */
    static String excerptBody(Path excerpt) {
        String content = read(excerpt);
        int rule = content.indexOf("\n----\n");
        return rule < 0 ? content : content.substring(rule + 6);
    }
}
