package io.annualreport.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.event.FailureReason;

/**
 * DOCX extraction with Apache POI (the library under Tika's DOCX parser), because Tika's XHTML drops Word's merged
 * cells (gridSpan, vMerge) and table reading needs them: paragraphs and table rows in body order, tables with spans
 * expanded. POI's zip-bomb guard (ZipSecureFile) stays on.
 */
final class DocxExtractor {

    private final int maxCharacters;

    DocxExtractor(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    ExtractedDocument extract(Path file, String mediaType, long started) throws ExtractionException {
        ZipBombCheck.check(file);
        StringBuilder text = new StringBuilder();
        List<TableGrid> tables = new ArrayList<>();
        // Opened from a stream: POI then inflates through its threshold stream, which stops zip bombs.
        try (InputStream in = Files.newInputStream(file);
                OPCPackage pkg = OPCPackage.open(new DeadlineInputStream(in));
                XWPFDocument document = new XWPFDocument(pkg)) {
            for (IBodyElement element : document.getBodyElements()) {
                Interruption.check();
                if (element instanceof XWPFParagraph paragraph) {
                    appendBlock(text, paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    TableGridBuilder grid = table(table);
                    if (!grid.isEmpty()) {
                        tables.add(new TableGrid(grid.rows(), text.length()));
                        text.append(grid.text());
                    }
                } else if (element instanceof XWPFSDT sdt) {
                    appendBlock(text, sdt.getContent().getText());
                }
                if (text.length() > maxCharacters) {
                    throw new ExtractionException(FailureReason.TOO_LARGE,
                            "more than " + maxCharacters + " characters of text");
                }
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw ExtractionException.corrupt("not a readable DOCX: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Interruption.Cancelled cancelled) {
                throw cancelled;
            }
            throw Failures.classify(e, "cannot read the DOCX");
        }
        return StructuredDocument.of(text, tables, mediaType, started, "DOCX");
    }

    private static TableGridBuilder table(XWPFTable table) {
        TableGridBuilder grid = new TableGridBuilder();
        for (XWPFTableRow row : table.getRows()) {
            grid.startRow();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int colspan = 1;
                boolean continuation = false;
                if (properties != null) {
                    if (properties.isSetGridSpan() && properties.getGridSpan().getVal() != null) {
                        colspan = ((BigInteger) properties.getGridSpan().getVal()).intValue();
                    }
                    if (properties.isSetVMerge()) {
                        STMerge.Enum merge = properties.getVMerge().getVal();
                        continuation = merge == null || merge == STMerge.CONTINUE;
                    }
                }
                if (continuation) {
                    grid.addContinuation(colspan);
                } else {
                    grid.addCell(cellText(cell), 1, colspan);
                }
            }
            grid.endRow();
        }
        return grid;
    }

    private static String cellText(XWPFTableCell cell) {
        return CellText.flatten(cell.getText());
    }

    private static void appendBlock(StringBuilder text, String block) {
        if (block == null) {
            return;
        }
        String clean = block.replace('\t', ' ').replace("\r", "").strip();
        if (!clean.isEmpty()) {
            text.append(clean).append('\n');
        }
    }
}
