package io.annualreport.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.model.template.Edition;

/** Locates the committed fixtures, the hostile files and the shared samples with their ground truth. */
final class TestFiles {

    /** The six part headings of the national format, both editions. */
    static final List<String> PART_HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestFiles() {
    }

    static Path resource(String name) {
        URL url = TestFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> list(String directory) {
        try (Stream<Path> files = Files.list(resource(directory))) {
            return new ArrayList<>(files.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path samples() {
        return Path.of(System.getProperty("samples.dir", "../samples"));
    }

    /** The ground truth of a seed (by its three-digit number) or a real report (by its file stem). */
    static JsonNode expected(String prefix) {
        try (Stream<Path> files = Files.list(samples().resolve("expected"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no expected json for " + prefix));
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Edition edition(String prefix) {
        return Edition.fromCode(expected(prefix).path("identity").path("edition").asText());
    }

    static String seedText(String number) {
        try (Stream<Path> files = Files.list(samples().resolve("seeds"))) {
            Path seed = files.filter(f -> f.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseThrow();
            return Files.readString(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
