package dev.drama.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A pack as the bytes of a zip: a .zip file as it is, or a folder zipped in memory. */
final class PackZip {
    private PackZip() {
    }

    static byte[] of(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.readAllBytes(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("no such folder or file");
        }
        return zipFolder(path);
    }

    /** The name the server is told: the zip's own name, or the folder's name with .zip. */
    static String fileName(Path path) {
        String name = path.toAbsolutePath().normalize().getFileName().toString();
        return Files.isRegularFile(path) ? name : name + ".zip";
    }

    /**
     * The folder's files at the zip's root (pack.yaml first level), '/' separated and in
     * sorted order so that the same folder always gives the same bytes; hidden files
     * and folders (.git, .DS_Store) are left out.
     */
    static byte[] zipFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(folder.relativize(file)))
                    .sorted()
                    .collect(Collectors.toList());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                Path relative = folder.relativize(file);
                ZipEntry entry = new ZipEntry(relative.toString().replace(relative.getFileSystem().getSeparator(), "/"));
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
