package io.annualreport.corpus;

import java.util.List;
import java.util.Random;

/** Draws realistic names of reporting agencies: county-level governments, their departments, towns and streets. */
final class AgencyNames {

    /** What kind of body publishes the report; it decides the scale of its numbers. */
    enum Kind {
        CITY_GOVERNMENT, COUNTY_GOVERNMENT, DEPARTMENT, TOWNSHIP
    }

    /** A drawn agency: the region it belongs to and its full name. */
    record Agency(String region, String name, Kind kind) {
    }

    private static final List<String> CITIES = List.of("淮安市", "洛阳市", "周口市", "郑州市", "孝感市", "咸宁市", "赣州市", "温州市",
            "宣城市", "西宁市", "昭通市", "商洛市", "襄阳市", "宜春市", "盐城市", "宿迁市", "大同市", "金华市", "恩施市", "重庆市");
    private static final List<String> COUNTIES = List.of("老城区", "惠济区", "涧西区", "川汇区", "洪泽区", "广德市", "柞水县", "保康县",
            "义乌市", "瓯海区", "赤壁市", "来凤县", "阜宁县", "铜鼓县", "宣州区", "城中区", "乔口区", "秦都区", "东坡区", "荣昌区", "微山县",
            "邹城市", "阿城区", "利州区", "和平区", "南湖区", "大足区", "蠡县", "章贡区", "淮阴区", "清河区", "涟水县", "盱眙县", "金湖县",
            "西工区", "瀍河区", "偃师区", "孟津区", "新安县", "宜阳县");
    private static final List<String> DEPARTMENTS = List.of("人民政府办公室", "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局",
            "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境分局", "住房和城乡建设局", "交通运输局",
            "水利局", "农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
            "市场监督管理局", "统计局", "医疗保障局", "政务服务和大数据管理局", "行政审批和政务信息管理局", "城市管理局", "林业局", "档案馆");
    private static final List<String> TOWN_STEMS = List.of("凤凰", "东街", "正阳", "念三里", "梁城", "唐村", "崇礼", "河包", "廖家", "城关",
            "新华", "青山", "永安", "白马", "龙泉", "石桥", "双河", "太平", "金山", "高桥");

    private AgencyNames() {
    }

    static Agency draw(Random random) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            String city = pick(random, CITIES);
            return new Agency(city, city + "人民政府", Kind.CITY_GOVERNMENT);
        }
        String county = pick(random, COUNTIES);
        if (roll < 14) {
            return new Agency(county, county + "人民政府", Kind.COUNTY_GOVERNMENT);
        }
        if (roll < 70) {
            return new Agency(county, county + pick(random, DEPARTMENTS), Kind.DEPARTMENT);
        }
        String town = pick(random, TOWN_STEMS);
        boolean street = random.nextBoolean();
        return new Agency(county, county + town + (street ? "街道办事处" : "镇人民政府"), Kind.TOWNSHIP);
    }

    /** Department names and the short forms agencies print in titles. */
    private static final java.util.Map<String, String> SHORT_FORMS = java.util.Map.of("发展和改革委员会", "发改委", "科学技术局",
            "科技局", "工业和信息化局", "工信局", "人力资源和社会保障局", "人社局", "住房和城乡建设局", "住建局", "市场监督管理局", "市场监管局",
            "文化广电和旅游局", "文广旅局", "卫生健康委员会", "卫健委", "退役军人事务局", "退役军人局", "政务服务和大数据管理局", "政数局");

    /**
     * The agency as an abbreviated title prints it: the region reduced to its level ("区", "县", "市") and the
     * department to its short form ("区发改委"); null when the agency has no usual short form.
     */
    static String shortForm(Agency agency) {
        if (agency.kind() != Kind.DEPARTMENT || !agency.name().startsWith(agency.region())) {
            return null;
        }
        String department = agency.name().substring(agency.region().length());
        String shortDepartment = SHORT_FORMS.get(department);
        if (shortDepartment == null) {
            return null;
        }
        return agency.region().substring(agency.region().length() - 1) + shortDepartment;
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
