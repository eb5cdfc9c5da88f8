/**
 * Synthetic 政府信息公开工作年度报告 with ground truth: {@link io.annualreport.corpus.CorpusGenerator} draws consistent
 * reports of both editions, {@link io.annualreport.corpus.ReportRenderer} prints them as text, Markdown, HTML or DOCX
 * with recorded noise, and {@link io.annualreport.corpus.Mutator} injects one defect class at a time for the rules'
 * mutation suite.
 */
package io.annualreport.corpus;
