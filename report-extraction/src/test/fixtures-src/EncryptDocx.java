import java.io.FileOutputStream;
import java.io.OutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Writes a password-protected copy of a DOCX (Office agile encryption): java -cp CP EncryptDocx.java IN OUT PASSWORD */
public class EncryptDocx {
    public static void main(String[] args) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(args[2]);
            try (OPCPackage opc = OPCPackage.open(new java.io.FileInputStream(args[0]));
                    OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (FileOutputStream out = new FileOutputStream(args[1])) {
                fs.writeFilesystem(out);
            }
        }
    }
}
