package org.hotline.devstack;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds realistic simulated hotline traffic: incoming cases in Chinese and English over every channel, the
 * departments' results and the callers' satisfaction callbacks. Only builds requests; {@link DemoDriver}
 * sends them.
 */
final class DemoTraffic {

    static final List<String> CHANNELS = List.of("PHONE", "WALK_IN", "WEB", "APP", "EMAIL", "LETTER", "WECHAT");
    static final List<String> KINDS = List.of("CONSULTATION", "COMPLAINT", "SUGGESTION", "HELP_REQUEST", "OTHER");
    static final List<String> URGENCIES = List.of("NORMAL", "COMPLEX", "EMERGENCY");
    static final List<String> FEEDBACK_CHANNELS = List.of("PHONE", "SMS", "EMAIL", "LETTER", "IN_PERSON");
    static final List<String> SATISFACTIONS = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");

    /** Categories and their sub-categories. */
    static final Map<String, List<String>> SUB_CATEGORIES = Map.of(
            "WORK", List.of("TASKS", "PROGRESS", "QUALITY", "SAFETY"),
            "LIVING", List.of("HOUSING", "TRANSPORT", "MEDICAL", "EDUCATION", "FAMILY", "UTILITIES"),
            "INTERPERSONAL", List.of("COLLEAGUES"),
            "POLICY", List.of("RULES"),
            "PUBLIC_HEALTH", List.of("SANITATION", "DISEASE_VECTORS", "HEALTH_HAZARDS"),
            "OTHER", List.of("EMERGENCY", "GENERAL"));
    static final List<String> CATEGORIES = List.of("WORK", "LIVING", "INTERPERSONAL", "POLICY", "PUBLIC_HEALTH", "OTHER");

    /** A case as the intake service accepts it on {@code POST /api/cases}. */
    record CaseRequest(String channel, String kind, String category, String subCategory, String urgency,
                       String description, Caller caller, Location location, String operatorId,
                       String ringStartedAt, String answeredAt) {
    }

    record Caller(String name, String phone, String email, String organisation, boolean anonymous,
                  String preferredFeedbackChannel) {
    }

    record Location(String address, double latitude, double longitude) {
    }

    /** A department's handling result, {@code POST /api/results} on the feedback service. */
    record DepartmentResult(String caseId, String departmentCode, String summary, String measures) {
    }

    /** The caller's verdict, {@code POST /api/callbacks} on the feedback service. */
    record Callback(String caseId, boolean reached, String satisfaction, int score, String comment,
            String operatorId) {
    }

    private record Topic(String category, String subCategory, String chinese, String english) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("LIVING", "HOUSING", "小区电梯已经停运三天，楼里老人上下楼非常困难，物业一直没有答复。",
                    "The lift in our building has been out of service for three days and the property manager does not answer."),
            new Topic("LIVING", "HOUSING", "楼上住户装修噪音从早上七点持续到晚上十点，影响休息。",
                    "Renovation noise upstairs goes on from 7 am until 10 pm every day."),
            new Topic("LIVING", "TRANSPORT", "71路公交车早高峰经常间隔半小时以上，站台非常拥挤。",
                    "Bus route 71 often runs more than 30 minutes apart in the morning rush hour."),
            new Topic("LIVING", "TRANSPORT", "路口的红绿灯坏了，车辆和行人抢行，很危险。",
                    "The traffic lights at the junction are broken and cars and pedestrians cross at random."),
            new Topic("LIVING", "MEDICAL", "社区卫生服务中心预约挂号电话一直打不通。",
                    "The community health centre's appointment line is always busy."),
            new Topic("LIVING", "EDUCATION", "想咨询随迁子女入学需要准备哪些材料。",
                    "Which documents are needed to enrol a child who moved here with their parents?"),
            new Topic("LIVING", "FAMILY", "邻居家经常传出争吵和孩子哭声，担心孩子安全。",
                    "Frequent shouting and a child crying next door; I am worried about the child."),
            new Topic("LIVING", "UTILITIES", "整栋楼从昨天晚上开始停水，没有任何通知。",
                    "The whole building has had no water since last night, without any notice."),
            new Topic("WORK", "TASKS", "单位安排的加班任务没有书面通知，也没有加班费。",
                    "Overtime is assigned without written notice and is not paid."),
            new Topic("WORK", "PROGRESS", "上个月申请的营业执照变更到现在还没有办结。",
                    "The change to my business licence requested last month is still not processed."),
            new Topic("WORK", "QUALITY", "道路维修完成不到一周路面又出现坑洼。",
                    "Potholes reappeared less than a week after the road was repaired."),
            new Topic("WORK", "SAFETY", "工地脚手架没有防护网，材料经常掉到人行道上。",
                    "The scaffolding on the building site has no safety net and debris falls onto the pavement."),
            new Topic("INTERPERSONAL", "COLLEAGUES", "与同事因工作分配发生矛盾，希望有人调解。",
                    "A dispute with colleagues over the division of work; we would like mediation."),
            new Topic("POLICY", "RULES", "咨询新的居住证积分政策是否适用于灵活就业人员。",
                    "Does the new residence permit points policy apply to freelancers?"),
            new Topic("POLICY", "RULES", "建议延长政务服务中心周末的办公时间。",
                    "Please extend the weekend opening hours of the public service centre."),
            new Topic("PUBLIC_HEALTH", "SANITATION", "菜市场门口垃圾两天没人清运，气味很大。",
                    "Rubbish outside the market has not been collected for two days and smells badly."),
            new Topic("PUBLIC_HEALTH", "DISEASE_VECTORS", "小区绿化带老鼠很多，晚上经常看到。",
                    "Many rats in the green belt of our estate, seen every evening."),
            new Topic("PUBLIC_HEALTH", "HEALTH_HAZARDS", "附近餐馆油烟直排到居民楼，窗户都不敢开。",
                    "A nearby restaurant vents cooking fumes straight at our flats."),
            new Topic("OTHER", "GENERAL", "想了解市民热线的受理时间和办理流程。",
                    "What are the hotline's opening hours and how is a case handled?"));

    private static final List<Topic> EMERGENCIES = List.of(
            new Topic("OTHER", "EMERGENCY", "五号楼楼道里有很浓的煤气味，居民已经撤到楼下。",
                    "Strong smell of gas in the stairwell of building 5; residents have left the building."),
            new Topic("PUBLIC_HEALTH", "HEALTH_HAZARDS", "河道里大量死鱼，水面有油污，怀疑有人偷排。",
                    "Many dead fish and an oil film on the river; suspected illegal discharge."),
            new Topic("LIVING", "UTILITIES", "路边电线被风刮断落在地上，还有火花。",
                    "A power line blown down by the wind is lying on the pavement and sparking."),
            new Topic("WORK", "SAFETY", "工地塔吊摇晃严重，下面就是学校放学的路。",
                    "A tower crane on the building site is swaying badly above the school route."));

    private static final List<String> CHINESE_NAMES = List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强");
    private static final List<String> ENGLISH_NAMES = List.of("Emily Carter", "James Wong", "Sophie Martin",
            "Daniel Lee", "Olivia Brown", "Lucas Meyer");
    private static final List<String> ADDRESSES = List.of("黄浦区南京东路 300 号", "徐汇区漕溪北路 88 弄 5 号",
            "浦东新区世纪大道 1200 号", "静安区延安中路 1000 弄", "12 Fuxing Road, Huangpu District",
            "45 Century Avenue, Pudong");
    private static final List<String> ORGANISATIONS = List.of("华东物业管理有限公司", "Riverside Residents' Committee",
            "上海某某建设集团");

    private final Random random;
    private final Clock clock;

    DemoTraffic(Random random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** The next simulated incoming case. About 5 % are emergencies, about 10 % anonymous. */
    CaseRequest nextCase() {
        String urgency = weighted(URGENCIES, 75, 20, 5);
        boolean emergency = urgency.equals("EMERGENCY");
        Topic topic = pick(emergency ? EMERGENCIES : TOPICS);
        boolean chinese = random.nextInt(100) < 65;
        String channel = emergency ? weighted(List.of("PHONE", "WECHAT", "APP"), 80, 10, 10)
                : weighted(CHANNELS, 45, 5, 15, 12, 8, 3, 12);
        String kind = emergency ? "HELP_REQUEST" : weighted(KINDS, 30, 35, 10, 20, 5);
        Instant answeredAt = clock.instant();
        Instant ringStartedAt = channel.equals("PHONE") ? answeredAt.minusMillis(2_000 + random.nextInt(25_000))
                : answeredAt;
        boolean includeSubCategory = random.nextInt(100) < 90;
        return new CaseRequest(channel, kind, topic.category(), includeSubCategory ? topic.subCategory() : null,
                urgency, chinese ? topic.chinese() : topic.english(), caller(chinese, channel), location(),
                "op-%03d".formatted(1 + random.nextInt(12)), ringStartedAt.toString(), answeredAt.toString());
    }

    private Caller caller(boolean chinese, String channel) {
        if (random.nextInt(100) < 10) {
            return new Caller(null, null, null, null, true, null);
        }
        String name = pick(chinese ? CHINESE_NAMES : ENGLISH_NAMES);
        String phone = "1%d%09d".formatted(3 + random.nextInt(7), random.nextInt(1_000_000_000));
        boolean withEmail = channel.equals("EMAIL") || random.nextInt(100) < 20;
        String email = withEmail ? "caller" + random.nextInt(10_000) + "@example.com" : null;
        String organisation = random.nextInt(100) < 15 ? pick(ORGANISATIONS) : null;
        String feedback = withEmail ? "EMAIL" : weighted(FEEDBACK_CHANNELS, 55, 30, 0, 5, 10);
        return new Caller(name, phone, email, organisation, false, feedback);
    }

    private Location location() {
        double latitude = round(31.23 + (random.nextDouble() - 0.5) * 0.2);
        double longitude = round(121.47 + (random.nextDouble() - 0.5) * 0.2);
        return new Location(pick(ADDRESSES), latitude, longitude);
    }

    /** A department's result for a case assigned to it. */
    DepartmentResult result(String caseId, String departmentCode) {
        int variant = random.nextInt(3);
        String summary = switch (variant) {
            case 0 -> "已到现场核实，问题属实，已责成相关单位整改。";
            case 1 -> "Inspected on site; the responsible contractor has fixed the problem.";
            default -> "经核查，已向来电人解释相关政策并提供办理指引。";
        };
        String measures = switch (variant) {
            case 0 -> "限期三日内整改完毕，并安排回访复查。";
            case 1 -> "Repair completed; follow-up inspection scheduled in two weeks.";
            default -> "Sent the applicable rules and the application checklist to the caller.";
        };
        return new DepartmentResult(caseId, departmentCode, summary, measures);
    }

    /** The caller's satisfaction callback; most callers are satisfied. */
    Callback callback(String caseId) {
        String satisfaction = weighted(SATISFACTIONS, 60, 28, 12);
        String comment = switch (satisfaction) {
            case "SATISFIED" -> random.nextBoolean() ? "处理很及时，谢谢。" : "Quick and helpful, thank you.";
            case "BASICALLY_SATISFIED" -> random.nextBoolean() ? "问题基本解决，希望以后能更快。"
                    : "Mostly solved, but it took a while.";
            default -> random.nextBoolean() ? "问题没有真正解决。" : "Nothing has really changed.";
        };
        int score = switch (satisfaction) {
            case "SATISFIED" -> 4 + random.nextInt(2);
            case "BASICALLY_SATISFIED" -> 3;
            default -> 1 + random.nextInt(2);
        };
        return new Callback(caseId, true, satisfaction, score, comment, "op-" + (100 + random.nextInt(20)));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String weighted(List<String> values, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    private static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
