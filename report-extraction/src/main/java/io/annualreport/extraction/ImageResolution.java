package io.annualreport.extraction;

import java.io.IOException;

import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;

import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The resolution of an uploaded page image: from the file's metadata (JPEG JFIF density, PNG pHYs, TIFF XResolution,
 * all read through ImageIO's standard metadata tree) when it states a plausible one, otherwise estimated from the
 * page's size in pixels ({@link ScanPreparation#estimateDpi}).
 */
final class ImageResolution {

    /** Stated resolutions below this are taken as unset (writers put 1, 72 or 96 for "unknown"). */
    static final float MIN_STATED_DPI = 100f;
    /** Stated resolutions above this are taken as unset. */
    static final float MAX_STATED_DPI = 1200f;

    private ImageResolution() {
    }

    /** The resolution of image {@code index} of the reader. */
    static float dpi(ImageReader reader, int index, int width, int height) {
        float stated = stated(reader, index);
        if (stated >= MIN_STATED_DPI && stated <= MAX_STATED_DPI) {
            return stated;
        }
        return ScanPreparation.estimateDpi(width, height);
    }

    /** The horizontal resolution the metadata states, 0 when it states none. */
    static float stated(ImageReader reader, int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return 0;
            }
            Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
            Node size = find(root, "HorizontalPixelSize");
            if (size == null) {
                return 0;
            }
            NamedNodeMap attributes = size.getAttributes();
            Node value = attributes == null ? null : attributes.getNamedItem("value");
            if (value == null) {
                return 0;
            }
            float millimetresPerPixel = Float.parseFloat(value.getNodeValue());
            return millimetresPerPixel > 0 ? 25.4f / millimetresPerPixel : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
