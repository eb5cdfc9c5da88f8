package io.annualreport.model.validation;

/** How serious a finding is: ERROR means objectively wrong, WARNING probably wrong, INFO a hint. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The Chinese label shown to users. */
    public String label() {
        return switch (this) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }
}
