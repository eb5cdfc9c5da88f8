-- Where the text lines that cells were read from stand on their pages (ParsedReport.linePositions: line, page and
-- baseline in points from the top of the page), kept with the parse run so that the workbench crops a page picture
-- around a cell's row (scans included) and a revalidation hands them on. Null for formats without layout and for
-- runs of older parsers.
alter table processing_run add column line_positions jsonb;
