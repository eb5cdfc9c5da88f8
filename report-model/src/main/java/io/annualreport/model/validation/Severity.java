package io.annualreport.model.validation;

/** How serious a finding is: ERROR means objectively wrong, WARNING probably wrong, INFO a hint. */
public enum Severity {
    ERROR, WARNING, INFO
}
