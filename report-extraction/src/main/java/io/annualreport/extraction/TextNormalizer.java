package io.annualreport.extraction;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalisation for matching, kept apart from the original text: full-width ASCII (digits, letters, brackets,
 * punctuation) to half-width, whitespace collapsed, line breaks inside CJK words removed, and the traditional
 * characters that occur in these reports mapped to simplified ones.
 */
public final class TextNormalizer {

    /** Traditional→simplified pairs for the words of annual reports (labels, headings, agency names). */
    private static final String PAIRS = "開开 資资 訊讯 報报 處处 況况 總总 體体 動动 請请 數数 結结 轉转 辦办 複复 議议 "
            + "訴诉 訟讼 維维 糾纠 審审 計计 預预 與与 對对 關关 於于 機机 構构 會会 組组 織织 業业 權权 屬属 國国 "
            + "內内 務务 過过 執执 詢询 項项 無无 沒没 現现 製制 補补 後后 確确 認认 獲获 訪访 舉举 類类 復复 據据 "
            + "規规 範范 發发 廢废 許许 罰罚 強强 費费 額额 萬万 單单 問问 題题 進进 門门 戶户 網网 號号 區区 縣县 "
            + "鎮镇 鄉乡 廳厅 們们 這这 個个 為为 實实 際际 統统 應应 當当 稱称 將将 從从 來来 時时 間间 點点 經经 "
            + "濟济 設设 標标 準准 專专 欄栏 諮咨 監监 訓训 決决 書书 記记 錄录 檔档 條条 導导 領领 負负 責责 員员 "
            + "級级 層层 論论 護护 環环 衛卫 醫医 療疗 學学 術术 證证 產产 稅税 財财 參参 見见 聽听 響响 積积 極极 "
            + "優优 質质 視视 頻频 圖图 讀读 聞闻 佈布 覽览 閱阅 別别 傳传 遞递 郵邮 電电 話话 樣样 態态 僅仅 險险 "
            + "穩稳 願愿 歸归 黨党 莊庄 縣县 區区 鄰邻 衝冲 夠够 週周 裡里 錯错 誤误 盡尽 嚴严 謹谨 "
            + "針针 對对 據据 態态 勢势 數数 線线 辭辞 構构 劃划 揮挥 擴扩 節节 綜综 獎奖 懲惩 違违 紀纪 狀状 準准 "
            + "歷历 勞劳 陳陈 齊齐 羅罗 劉刘 張张 楊杨 趙赵 黃黄 吳吴 孫孙 鄭郑 馬马 謝谢 韓韩 龍龙 華华 東东 陽阳 "
            + "廣广 蘇苏 陝陕 遼辽 貴贵 雲云 寧宁 灣湾 臺台 漢汉 濱滨 灘滩 橋桥 鐵铁 軍军 營营 闆板 廠厂 藥药 "
            + "師师 館馆 務务 擔担 條条 辦办";

    private static final Map<Character, Character> HANT_TO_HANS = new HashMap<>();

    static {
        for (String pair : PAIRS.split(" ")) {
            if (pair.length() == 2) {
                HANT_TO_HANS.put(pair.charAt(0), pair.charAt(1));
            }
        }
    }

    /** A line that opens with a section or item number, such as 一、 or （二） or 3. */
    private static final Pattern HEADING_START = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\)|\\d+[.、]|第[一二三四五六七八九十]+)");
    private static final int HEADING_MAX_LENGTH = 20;

    private TextNormalizer() {
    }

    /** Normalised text for matching: half-width forms, simplified characters, tidy whitespace, CJK lines joined. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return joinWrappedLines(collapseWhitespace(toSimplified(toHalfWidth(text))));
    }

    /** The normalised text without any whitespace: the form for tolerant label matching. */
    public static String compact(String text) {
        String normalized = toSimplified(toHalfWidth(text == null ? "" : text));
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
    public static String toHalfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uff01' && c <= '\uff5e') {
                out.append((char) (c - 0xfee0));
            } else if (c == '\u3000' || c == '\u00a0') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Traditional characters of the built-in table to simplified ones; other characters unchanged. */
    public static String toSimplified(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character simplified = HANT_TO_HANS.get(c);
            out.append(simplified == null ? c : simplified);
        }
        return out.toString();
    }

    /** Runs of spaces and tabs to one space, line ends trimmed, Windows and old Mac line breaks to \n. */
    public static String collapseWhitespace(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (String line : unified.split("\n", -1)) {
            out.append(line.replaceAll("[\\s&&[^\\n]]+", " ").strip()).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * Removes a line break between two Chinese characters (a word wrapped by the layout), unless the first line is a
     * short numbered heading.
     */
    public static String joinWrappedLines(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(line);
            if (i == lines.length - 1) {
                break;
            }
            String next = lines[i + 1];
            boolean wrapped = !line.isEmpty() && !next.isEmpty() && isHan(line.charAt(line.length() - 1))
                    && isHan(next.charAt(0)) && !isHeading(line) && !HEADING_START.matcher(next).find();
            if (!wrapped) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static boolean isHeading(String line) {
        return line.length() <= HEADING_MAX_LENGTH && HEADING_START.matcher(line).find();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
