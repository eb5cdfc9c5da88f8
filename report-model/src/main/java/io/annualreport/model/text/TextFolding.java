package io.annualreport.model.text;

/**
 * The one home of text folding for matching, used by extraction tests, the parser and the rules: maps text to a
 * matching form of the same length: full-width ASCII to half-width, ideographic and no-break spaces to
 * spaces, and the traditional characters seen in mirrored reports to simplified ones. Offsets stay valid.
 */
public final class TextFolding {

    private static final String TRADITIONAL = "總體況開動請處復議訟訴題進報項內發數廢現規範許罰強製費額單萬結轉計辦機關屬於國護權務過執詢補確訪舉類當認獲維糾審經會組織業構學係區縣鎮黨級門條這時間應為與個們來對將從並無納繳據針設戶網號問實際歸檔記錄證書統監導領專聯傳電話郵編碼質標準滿見響聽態勢歷穩險損續積極優環營產資財預決購採評價責貫徹屆繼層礎鄉莊頭綜協調圍種臺億點兩餘週歲稱簡廳廣東陽長聞說讀寫錯誤紙紀綱絡給線練較車軍轄遞還適選遺邊鄰醫釋鐘閱隨雜雲頁頒風飛養館馬驗鬥魚鳥黃龍義烏遷鳳達運遠違連邁閉陸陳隊階隱雖難頂順頓頻顏願顧顯飯創劉則剛勞勵勸協卻參員啟單嚴團園圖場壓聲備夠奮婦孫寧寬寶尋嶺島幣師帶幫幹幾庫廠張彈彙徵憲懷戰掃掛換擁擇擔擴攝敗斷晉暫樂樣樹橋檢歡殘氣沒測溝滅漢潔濟災煙熱燈爭爾狀獨獻畢療盡盤禮稅窮競筆築節糧約紅紛細終絕綠緊緩績職肅脫興舊艱蘇裝視親覺觀訂試該詳誌語誠諮論謀講識變讓豐負貢貧貨責貴貼賓賠贊趕趨跡軌軟輪輸農鄭錢鋼離靈齡複製麼裡後佈個於傳區";
    private static final String SIMPLIFIED = "总体况开动请处复议讼诉题进报项内发数废现规范许罚强制费额单万结转计办机关属于国护权务过执询补确访举类当认获维纠审经会组织业构学系区县镇党级门条这时间应为与个们来对将从并无纳缴据针设户网号问实际归档记录证书统监导领专联传电话邮编码质标准满见响听态势历稳险损续积极优环营产资财预决购采评价责贯彻届继层础乡庄头综协调围种台亿点两余周岁称简厅广东阳长闻说读写错误纸纪纲络给线练较车军辖递还适选遗边邻医释钟阅随杂云页颁风飞养馆马验斗鱼鸟黄龙义乌迁凤达运远违连迈闭陆陈队阶隐虽难顶顺顿频颜愿顾显饭创刘则刚劳励劝协却参员启单严团园图场压声备够奋妇孙宁宽宝寻岭岛币师带帮干几库厂张弹汇征宪怀战扫挂换拥择担扩摄败断晋暂乐样树桥检欢残气没测沟灭汉洁济灾烟热灯争尔状独献毕疗尽盘礼税穷竞笔筑节粮约红纷细终绝绿紧缓绩职肃脱兴旧艰苏装视亲觉观订试该详志语诚咨论谋讲识变让丰负贡贫货责贵贴宾赔赞赶趋迹轨软轮输农郑钱钢离灵龄复制么里后布个于传区";
    private static final String PINYIN_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    private static final char[] MAP = new char[0x10000];

    static {
        for (int c = 0; c < MAP.length; c++) {
            MAP[c] = (char) c;
        }
        for (int c = 0xFF01; c <= 0xFF5E; c++) {
            MAP[c] = (char) (c - 0xFEE0);
        }
        MAP[0x3000] = ' ';
        MAP[0x00A0] = ' ';
        MAP[0x2002] = ' ';
        MAP[0x2003] = ' ';
        MAP[0x2009] = ' ';
        MAP[0x200B] = ' ';
        MAP[0xFEFF] = ' ';
        MAP['\r'] = ' ';
        MAP[0x2212] = '-';
        MAP[0x3001] = 0x3001;
        int n = Math.min(TRADITIONAL.length(), SIMPLIFIED.length());
        for (int i = 0; i < n; i++) {
            MAP[TRADITIONAL.charAt(i)] = SIMPLIFIED.charAt(i);
        }
    }

    private TextFolding() {
    }

    /** The matching form of a text, character for character. */
    public static String normalize(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = MAP[text.charAt(i)];
        }
        return new String(out);
    }

    /**
     * The matching form without any whitespace and without the pinyin annotations some mirror sites inject
     * ("規(guī)章"), for comparing labels.
     */
    public static String compact(String text) {
        char[] out = new char[text.length()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            char c = MAP[text.charAt(i)];
            if (c == '(') {
                int close = pinyinEnd(text, i + 1);
                if (close > 0) {
                    i = close;
                    continue;
                }
            }
            if (c > ' ' ? c < 0x2000 || !Character.isWhitespace(c) : c != ' ' && !Character.isWhitespace(c)) {
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * Where a pinyin annotation opened by the bracket at {@code open} closes ("(guī)"), or -1 if the bracket opens
     * something else.
     */
    public static int pinyinAnnotationEnd(String text, int open) {
        return MAP[text.charAt(open)] == '(' ? pinyinEnd(text, open + 1) : -1;
    }

    private static int pinyinEnd(String text, int from) {
        boolean toneMark = false;
        for (int j = from; j < Math.min(text.length(), from + 8); j++) {
            char c = MAP[text.charAt(j)];
            if (c == ')') {
                return toneMark && j > from ? j : -1;
            }
            if (PINYIN_TONES.indexOf(c) >= 0) {
                toneMark = true;
            } else if (c < 'a' || c > 'z') {
                return -1;
            }
        }
        return -1;
    }
}
