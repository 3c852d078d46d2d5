package de.chancenatlas.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * PDF/UA 7.1: every piece of page content is either tagged or an artifact. JasperReports tags texts
 * and images but draws table rules, frames, bars and page footers untagged. This wraps each such
 * piece (a whole text object without tags, a whole path, an image or shading) in
 * {@code /Artifact BMC … EMC}; tagged content and graphics state operators are left as they are.
 */
final class PdfArtifacts {
    private static final Set<String> PATH_START = Set.of("m", "re");
    private static final Set<String> PATH_PAINT = Set.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n");
    private static final Set<String> XOBJECTS = Set.of("Do", "sh", "BI");

    private PdfArtifacts() {
    }

    static void mark(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            List<Object> tokens = new PDFStreamParser(page).parse();
            List<Object> out = wrap(tokens);
            PDStream stream = new PDStream(doc);
            try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
                new ContentStreamWriter(os).writeTokens(out);
            }
            page.setContents(stream);
        }
    }

    /** The tokens with every untagged piece of content at marked-content depth 0 wrapped as an artifact. */
    static List<Object> wrap(List<Object> tokens) {
        List<Object> out = new ArrayList<>(tokens.size() + 256);
        List<Object> operation = new ArrayList<>();
        List<Object> piece = null;          // a text object or path being collected
        boolean pieceTagged = false;
        int depth = 0;
        for (Object t : tokens) {
            operation.add(t);
            if (!(t instanceof Operator op)) {
                continue;
            }
            String name = op.getName();
            if (piece != null) {
                piece.addAll(operation);
                if (name.equals("BMC") || name.equals("BDC")) {
                    pieceTagged = true;
                }
                if (name.equals("ET") || (PATH_PAINT.contains(name) && !startsWithBt(piece))) {
                    emit(out, piece, !pieceTagged);
                    piece = null;
                }
                operation.clear();
                continue;
            }
            if (name.equals("BMC") || name.equals("BDC")) {
                depth++;
            } else if (name.equals("EMC")) {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && (name.equals("BT") || PATH_START.contains(name))) {
                piece = new ArrayList<>(operation);
                pieceTagged = false;
            } else if (depth == 0 && XOBJECTS.contains(name)) {
                emit(out, operation, true);
            } else {
                out.addAll(operation);
            }
            operation.clear();
        }
        if (piece != null) {
            out.addAll(piece);
        }
        out.addAll(operation);
        return out;
    }

    private static boolean startsWithBt(List<Object> piece) {
        for (Object o : piece) {
            if (o instanceof Operator op) {
                return op.getName().equals("BT");
            }
        }
        return false;
    }


    private static void emit(List<Object> out, List<Object> piece, boolean artifact) {
        if (artifact) {
            out.add(COSName.getPDFName("Artifact"));
            out.add(Operator.getOperator("BMC"));
        }
        out.addAll(piece);
        if (artifact) {
            out.add(Operator.getOperator("EMC"));
        }
    }
}
