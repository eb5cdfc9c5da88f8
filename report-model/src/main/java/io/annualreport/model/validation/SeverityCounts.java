package io.annualreport.model.validation;

import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Number of findings per severity. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeverityCounts(int errors, int warnings, int infos) {

    /** Counts a list of findings. */
    public static SeverityCounts of(Collection<Finding> findings) {
        int e = 0, w = 0, i = 0;
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> e++;
                case WARNING -> w++;
                case INFO -> i++;
            }
        }
        return new SeverityCounts(e, w, i);
    }
}
