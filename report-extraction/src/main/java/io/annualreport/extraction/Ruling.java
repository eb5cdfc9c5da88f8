package io.annualreport.extraction;

/**
 * A vertical line drawn on a page (a table border), in points from the top-left corner: text on either side of it
 * belongs to different cells however close the two are.
 */
record Ruling(float x, float top, float bottom) {

    /** Whether the line passes between two x positions at the given height. */
    boolean separates(float leftX, float rightX, float y) {
        return x >= leftX - 1f && x <= rightX + 1f && y >= top - 1f && y <= bottom + 1f;
    }
}
