package io.github.stickyuploads.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The tag's attributes are declared once, by the composite; the tag library that documents them for IDEs and the
 * README's table list exactly the same ones, in the same order.
 */
class TagLibraryTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources", "META-INF");

    @Test
    void theTagLibraryAndTheReadmeListTheCompositesAttributes() throws Exception {
        List<String> composite = names(parse(RESOURCES.resolve("resources/sticky/upload.xhtml")).getElementsByTagNameNS("*", "attribute"),
                "name");
        List<String> taglib = new ArrayList<>();
        NodeList attributes = parse(RESOURCES.resolve("sticky-uploads.taglib.xml")).getElementsByTagNameNS("*", "attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            taglib.add(((Element) attributes.item(i)).getElementsByTagNameNS("*", "name").item(0).getTextContent().trim());
        }
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| attribute | default | meaning |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertEquals(List.of("value", "required", "label", "url", "accept", "multiple", "disabled", "styleClass"), composite);
        assertEquals(composite, taglib, "the tag library");
        assertEquals(composite, documented, "the README's table");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> names(NodeList elements, String attribute) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            names.add(((Element) elements.item(i)).getAttribute(attribute));
        }
        return names;
    }
}
