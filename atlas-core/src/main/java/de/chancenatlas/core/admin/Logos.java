package de.chancenatlas.core.admin;

import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.db.Transactions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A territory's uploaded logo (reports' header, the web atlas's territory page): PNG, JPEG or SVG,
 * at most {@link #MAX_BYTES}, checked to be the image it claims (PNG/JPEG must decode; SVG must be a
 * plain drawing: no DOCTYPE, no script, no event attributes, no foreign content, no external references).
 * {@code settings.report.logo} names it as {@code upload:<12 hex digits of its SHA-256>}.
 */
public final class Logos {
    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_PIXELS = 4000;
    public static final String PREFIX = "upload:";
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Pattern SAFE_URL = Pattern.compile("#[A-Za-z0-9_.:-]*|data:image/(png|jpeg);base64,[A-Za-z0-9+/=\\s]*");
    private static final Pattern CSS_URL = Pattern.compile("url\\s*\\(\\s*+['\"]?+(?!#)", Pattern.CASE_INSENSITIVE);

    public record Logo(String mediaType, byte[] content, String sha256, String fileName, String uploadedAt, String uploadedBy) {
        public String version() {
            return sha256.substring(0, 12);
        }
    }

    private final DataSource ds;

    public Logos(DataSource ds) {
        this.ds = ds;
    }

    public Optional<Logo> find(String territory) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select l.media_type, l.content, l.sha256, l.file_name, "
                     + "to_char(l.uploaded_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), l.uploaded_by "
                     + "from atlas.territory_logo l join atlas.territory t using (territory_id) where t.key = ?")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Logo(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }
    }

    /** Checks and stores a logo; it replaces the previous one and becomes settings.report.logo. Refused: field "logo". */
    public Logo save(String territory, String fileName, byte[] content, String actor) throws SQLException {
        String type = check(content);
        String sha = sha256(content);
        String name = fileName == null ? null : fileName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name != null && name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String storedName = name;
        Transactions.inTransaction(ds, c -> {
            int tid = Accounts.territoryId(c, territory);
            try (var ps = c.prepareStatement("insert into atlas.territory_logo (territory_id, media_type, content, sha256, file_name, uploaded_by) "
                    + "values (?, ?, ?, ?, ?, ?) on conflict (territory_id) do update set media_type = excluded.media_type, "
                    + "content = excluded.content, sha256 = excluded.sha256, file_name = excluded.file_name, uploaded_at = now(), "
                    + "uploaded_by = excluded.uploaded_by")) {
                ps.setInt(1, tid);
                ps.setString(2, type);
                ps.setBytes(3, content);
                ps.setString(4, sha);
                ps.setString(5, storedName);
                ps.setString(6, actor);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("update atlas.territory set settings = jsonb_set(settings, '{report}', "
                    + "coalesce(settings -> 'report', '{}'::jsonb) || jsonb_build_object('logo', ?::text)) where territory_id = ?")) {
                ps.setString(1, PREFIX + sha.substring(0, 12));
                ps.setInt(2, tid);
                ps.executeUpdate();
            }
            Accounts.audit(c, tid, "logo", actor, Map.of("file_name", storedName == null ? "" : storedName, "media_type", type,
                    "bytes", content.length, "sha256", sha));
            return null;
        });
        return find(territory).orElseThrow();
    }

    /** Removes the uploaded logo (and settings.report.logo when it names it); false when there was none. */
    public boolean delete(String territory, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> {
            int tid = Accounts.territoryId(c, territory);
            int n;
            try (var ps = c.prepareStatement("delete from atlas.territory_logo where territory_id = ?")) {
                ps.setInt(1, tid);
                n = ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("update atlas.territory set settings = jsonb_set(settings, '{report}', "
                    + "(settings -> 'report') - 'logo') where territory_id = ? and settings #>> '{report,logo}' like 'upload:%'")) {
                ps.setInt(1, tid);
                ps.executeUpdate();
            }
            if (n > 0) {
                Accounts.audit(c, tid, "logo", actor, Map.of("removed", true));
            }
            return n > 0;
        });
    }

    /** The media type of a valid logo; otherwise a field error on "logo" saying what is wrong. */
    public static String check(byte[] content) {
        FieldErrors e = new FieldErrors();
        if (content == null || content.length == 0) {
            throw e.add("logo", "Die Datei ist leer / the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw e.add("logo", "Das Logo ist größer als " + MAX_BYTES / 1024 + " KB / the logo is larger than " + MAX_BYTES / 1024 + " KB");
        }
        boolean png = content.length > 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G';
        boolean jpeg = content.length > 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8 && (content[2] & 0xff) == 0xff;
        if (png || jpeg) {
            // the size from the header first: a small file may declare a huge image (a decompression bomb)
            try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
                var readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw e.add("logo", "Das Bild lässt sich nicht lesen / the image cannot be read");
                }
                var reader = readers.next();
                try {
                    reader.setInput(in);
                    int w = reader.getWidth(0);
                    int h = reader.getHeight(0);
                    if (w > MAX_PIXELS || h > MAX_PIXELS || w < 8 || h < 8) {
                        throw e.add("logo", "Bildgröße 8–" + MAX_PIXELS + " Pixel je Seite, hier " + w + " × " + h
                                + " / image size 8–" + MAX_PIXELS + " pixels a side");
                    }
                    if (reader.read(0) == null) {
                        throw e.add("logo", "Das Bild lässt sich nicht lesen / the image cannot be read");
                    }
                } finally {
                    reader.dispose();
                }
            } catch (IOException | RuntimeException x) {
                if (x instanceof FieldErrors f) {
                    throw f;
                }
                throw e.add("logo", "Das Bild lässt sich nicht lesen / the image cannot be read");
            }
            return png ? "image/png" : "image/jpeg";
        }
        String problem = svgProblem(content);
        if (problem != null) {
            throw e.add("logo", problem);
        }
        return "image/svg+xml";
    }

    /** Why the bytes are no acceptable SVG drawing, or null when they are one. */
    static String svgProblem(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.contains("<svg")) {
            return "Nur PNG, JPEG oder SVG / only PNG, JPEG or SVG";
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
            if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
                return "Keine SVG-Grafik (Wurzelelement svg im SVG-Namensraum fehlt) / not an SVG drawing";
            }
            return unsafe(root);
        } catch (SAXException | IOException e) {
            return "Die SVG-Datei ist kein wohlgeformtes XML (eine DOCTYPE-Angabe ist nicht erlaubt) / the SVG is not well-formed XML";
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsafe(Element e) {
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        if (!SVG_NS.equals(e.getNamespaceURI()) || name.equalsIgnoreCase("script") || name.equalsIgnoreCase("foreignObject")) {
            return "SVG mit Skript oder fremden Inhalten („" + name + "“) ist nicht erlaubt / SVG with script or foreign content is not allowed";
        }
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String an = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            String v = a.getNodeValue() == null ? "" : a.getNodeValue().strip();
            if (an.toLowerCase().startsWith("on")) {
                return "SVG mit Ereignis-Attributen („" + an + "“) ist nicht erlaubt / SVG with event attributes is not allowed";
            }
            if ((an.equals("href") && !SAFE_URL.matcher(v).matches()) || CSS_URL.matcher(v).find()) {
                return "SVG mit Verweisen auf andere Dateien ist nicht erlaubt / SVG with external references is not allowed";
            }
        }
        if (name.equals("style") && CSS_URL.matcher(e.getTextContent()).find() || e.getTextContent().contains("@import") && name.equals("style")) {
            return "SVG mit Verweisen auf andere Dateien ist nicht erlaubt / SVG with external references is not allowed";
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                String p = unsafe(child);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
