"""A document's names as a sentence or a table's cell writes them.

A document is named in 《…》, in 「…」 before its kind where the words before say it is its title
(``签署了一份题为「深化甲乙伙伴关系」的联合声明``), in 「…」 where the quoted words end in a document word and
its clause says it was signed (``簽署「甲乙漁業協定」``; Traditional texts quote names so, and
speech too: ``「這一次沒有達成協議」``), as a linked name ending in a document word (宣言, 协议, 合同 ...),
unquoted after a signing verb (``签订中美科技合作协定和文化协定``, ``签署了卫生、医学教育和科学
领域的政府间合作协议，以及修建…公路桥的协议``, or listed after a titled one: ``签署了《甲协定》、甲文化协定
两年执行计划和乙议定书``; modifiers alone before the document word are a description: ``重要合作协议``, ``会谈后发表的甲乙联合声明重申…``; a measure before it is no part
of it: ``签署一项为期十年的经济合作协定``, nor what it is worth: ``签署5.5亿英镑贷款协议``, nor are the sides it is between: ``两国政府间的电视合拍协议``; or after the words
that open a clause listing some of what the clause before says was signed: ``签署了12项合作协议，其中包括甲牛肉输乙议定书``,
or between the 包括 and 在内 that name one of those signed or reached before their count: ``签署了包括甲乙过境协定在内的10项协议``,
``达成包括某伙伴关系协定在内的6份文件`` (not what it does: ``包括甲方向乙方供应某矿的长期合同在内``);
a name of what it is about runs to its 的 and the kind after it, a 等 of its topic its own: ``发表关于解决某某等社会课题的
政府间协商文件``, ``发布了关于稳定双边关系的五点共识``, not ``达成了关于某问题的共识``),
unquoted before the signing ceremony its leaders attended
(``共同出席了关于…谅解备忘录的签字仪式``), or by its kind alone
(``会后发表联合声明``, ``共同签署两国联合声明``, counted or not: ``发表五项联合声明``; as what the sides say in it:
``双方在20日发表的联合公报中同意…``, ``宣读了两国的联合声明``; not one on each topic its clause names,
``就甲、乙问题发表了三个联合声明``, which are unnamed; nor a kind its title follows, ``发表联合声明《…》``,
which is the titled one).

Whether the summit signed or issued what is named, and when, is :mod:`kg.extract.documents`'s to read.
"""

from __future__ import annotations

import re

from kg.extract.narrative import TITLE_MARKS
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans
from kg.extract.text import Sentence
from kg.model import EntityId, Label

SIGNED = re.compile(r"签署|签订|发表|通过|发布|达成|缔结|签字|公布|签定|宣读|批准")


DOCUMENT_WORDS = ("宣言", "声明", "协议", "协议书", "公报", "条约", "协定", "纪要", "备忘录", "议定书", "联合声明", "合同")


#: Documents named by their kind alone (会后发表联合声明, 两国发表共同新闻公报): one of that summit's own.
GENERIC_KINDS = r"联合声明|联合公报|共同声明|联合宣言|(?:联合|共同)?新闻公报|会谈纪要|[三四]方(?:联合)?声明"


#: A count before a kind (发表两份联合声明, 发表五项联合声明): statements of that kind, one of the summit's own.
#: Not one on each of the topics its clause names (就南亚问题、…发表了三个联合声明): those are unnamed.
_COUNT = r"(?P<count>[一两二三四五六七八九十0-9]{1,3}(?:份|项|个|篇))?"


#: A sum of money, what a deal is worth (5.5亿英镑, 约50亿欧元).
_AMOUNT = r"(?:约|逾|近|超过)?[0-9][0-9.]*(?:万|亿)*(?:美元|欧元|英镑|日元|卢布|人民币|澳元|加元|元)"


#: A measure of a document before its name or kind (长达99条的联合声明, 为期十年的经济合作协定, 有效期至某年的某某协定, what it is worth:
#: 5.5亿英镑贷款协议), or the sides it is between (两国政府间的电视合拍协议): no part of it.
_MEASURE = rf"(?:(?:(?:长达|价值|总值|总额|为期|金额|有效期)[^，,。；;的《》]{{1,12}}|(?:两国|双方|三国)(?:政府)?之?间)的|{_AMOUNT}的?)"


_MEASURED = re.compile(r"(?:[一两二三四五六七八九十0-9]{1,3}(?:份|项|个|篇))?" + _MEASURE)
#: One document counted before its name (签署了一份关于某海法律地位的联合声明, 签署了一项长期战略合作协议): the name is
#: after it.
_ONE = re.compile(r"一(?:份|项|个|篇)(?=[\u4e00-\u9fff])")
#: A kind alone after its measure (一份谅解备忘录, 一项合作备忘录): one document of that kind, not named.
_ONE_OF_A_KIND = re.compile(r"(?:合作)?(?:谅解)?备忘录(?=[^\u4e00-\u9fff]|和|与|及|$)")


#: A kind issued, as what the sides say in it (双方在15日发表的联合公报中同意…, 会后发表的联合声明中强调…): issued.
_SAID_IN = rf"(?P<said>的)(?=(?:会谈|两国|双方|三国|三方)?(?:{GENERIC_KINDS})[中里])"


GENERIC_DOCUMENT = re.compile(rf"(?:签署|签订|发表|发布|通过|公布|宣读)(?:了|{_SAID_IN})?{_COUNT}(?:{_MEASURE})?"
                               rf"(?:(?:会谈|两国|双方|三国|三方(?!联合声明))的?)?"  # 发表三方联合声明: the kind, whole
                               rf"(?P<w>{GENERIC_KINDS})")  # 共同签署两国联合声明, 宣读了两国的联合声明: the sides' statement


def one_on_each_topic(hans: str, match: re.Match) -> bool:
    """Whether a kind alone is counted (``三个联合声明``) after the topics of its clause (``就…``)."""
    count = match["count"]
    return bool(count) and count[0] not in "一1" and "就" in hans[start_of_clause(hans, match.start()):match.start()]


#: What the meeting issued, told as what it is (会谈后发表的甲乙联合声明重申…): a verb before a name; not before
#: a kind alone (根据会后发表的联合声明, often another account's word for the meeting's statement).
_ISSUED_AFTER = r"(?:会|会谈|会晤|会议|峰会)(?:结束)?后(?:共同)?(?:签署|签订|发表|发布)的"


#: Verbs after which a name may stand without title marks (签订甲乙科技合作协定, 发表联合公报和关于…的联合声明);
#: not 发布 or 发表 of a press conference, a noun (双方在新闻发布会前起草了某某备忘录: nothing issued).
_SIGNING_OR_ISSUING = re.compile(_ISSUED_AFTER + r"|签署|签订|签定|缔结|签字|发表(?!会)|发布(?!会)")


NEGATED = re.compile(r"(未|没有|没|不|无法|拒绝)(能|曾|会|得|再)?(共同|正式)?(签署|签订|签定|发表|发布|通过|达成|缔结|公布)"
                      r"|是否(共同|正式)?(签署|签订|签定|发表|发布|通过|达成|缔结|公布)")  # 未就是否发表联合声明达成一致


#: Right after a name in its clause: it was not signed or issued (``《甲宣言》未签署``, ``《甲》最终未能签署``).
_NEGATED_AFTER = re.compile(r"^[^，,。；;《》]{0,6}?(?:" + NEGATED.pattern + ")")


#: Before a name: the document is an earlier or a later one, not signed here (重申遵守《…》,
#: 再确认《…》, 表示欢迎《…》: one the sides confirm or welcome was signed before, or by others; 未加入《…》,
#: 退出《…》: one a state joins or leaves).
NOT_HERE_BEFORE = re.compile(r"(遵守|遵循|重申|确认|欢迎|支持|赞赏|根据|依据|按照|依照|落实|履行|恪守|援引|引用|引述|基于|纪念"
                              r"|加入|退出|违反"
                              r"|(?<!签署并)(?<!签订并)(?<!签字并)(?:互换了?|交换了?))$")  # not 签署并交换《…》文本: just signed


#: Kinds of document whose texts, exchanged at a meeting, are concluded there (两国国防部交换了《甲乙国防合作谅解备忘录》,
#: 交换了关于某站合作的谅解备忘录); a treaty's exchanged are its ratification, the treaty signed before (互换《甲乙条约》).
EXCHANGED_KINDS = ("备忘录", "协议", "协议书", "换文")


#: A verb of exchanging done (交换了, 互换), not sought or refused (尽快互换, 未交换), nor views exchanged (交换意见).
EXCHANGING = re.compile(r"(?<!尽快)(?<!早日)(?<!尽早)(?<!未)(?<!没有)(?<!不)(?:交换|互换)(?!意见|看法)")


#: A clause that tells such a document exchanged (交换了涉及甲、乙领域的四份谅解备忘录): its texts are the meeting's outcome.
EXCHANGED = re.compile(EXCHANGING.pattern + r"了?[^，,。；;]{0,60}?(?:" + "|".join(EXCHANGED_KINDS) + ")")


#: Title marks that name no document: a newspaper, a broadcaster, an article's title
#: (据《京乡新闻》, 在《劳动新闻》发表题为《…》的署名文章).
_MEDIA = re.compile(r"(新闻|日报|晚报|早报|时报|邮报|周报|画报|周刊|杂志|通讯社|电视台|电台)$")


#: After a title: the document it is the title of (题为《共创未来》的联合声明).
_TITLE_OF_A_DOCUMENT = re.compile(r"^的(" + "|".join(("联合声明", "共同声明", "联合公报", "联合宣言", "宣言", "声明", "公报")) + ")")


_ARTICLE_TITLE = re.compile(r"(题为|题目为|文章|社论|一文|一书|著作)$")


#: Before a name in its clause: it came later (埃以双方并在第二年正式签署了《…》, 为翌年的《…》).
LATER = re.compile(r"翌年|次年|第二年|隔年|来年|后来|日后|此后|多年后|数年后")


#: After a name: an anniversary (《甲》通过10周年), the time since it was signed (《甲》签署后，…; 签署以来), a
#: ratification, a negotiation, a document of it
#: (《生物武器公约》议定书: the name only qualifies another), or an article of it cited
#: (适用《甲乙安保条约》第五条, 《宪章》第2条的原则: a text in force, referred to).
NOT_HERE_AFTER = re.compile(r"^[^，,。；;《》]{0,6}?(原则|基础|精神)上|^(的)?((缔结|签署|签订|签字|通过)?[0-9一二三四五六七八九十]+周年|以来"
                             r"|(缔结|签署|签订|签字|发表|通过)(之后|以后|后|以来)|批准|(缔结|签署|签订|扩围)?谈判|磋商|议定书|修正案|附件"
                             r"|原则|基础|精神|规定|框架内|第[0-9一二三四五六七八九十百、]+条)")


CLAUSE = re.compile(r"[，,。；;：:]")


#: Another name given after a comma: 《甲》，简称《乙》.
_ALSO_LISTED = re.compile(r"(?:、|和|或)[《「“](?P<t>[^《》「」“”]+)[》」”]")


_ALSO_CALLED = re.compile(r"[，,]?(简称|又称|亦称|也称|全称|通称|俗称|或称|史称|世称|即)(为)?[《「“](?P<t>[^《》「」“”]+)[》」”]")


#: Another name inside a parenthesis, in title marks or quotes (（又称「乙」）).
_NAMED_INSIDE = re.compile(r"[《「“](?P<t>[^《》「」“”]+)[》」”]")


#: Another name written bare as all a parenthesis says (（即某城第二号协议）, （又称某城协定）), as a lead's bold
#: words give it: a name, where it ends in a document word.
_CALLED_INSIDE = re.compile(r"^(?:即|又称|亦称|也称|简称|通称|或称)(?P<t>[^，,。；;：:（）()《》「」“”]{2,30}?(?:"
                            + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r"))$")


#: A name in quotes that ends in a document word (签署「甲乙协定」, 发表「联合声明」): Traditional
#: texts quote names so; other quotes are speech.
_QUOTED_NAME = re.compile(r"「(?P<t>[^「」《》]{2,40}?(?:" + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r"))」")


#: A name in quotes that ends in a word of a signed text that is no document word (签署「甲乙经贸合作路线图」, 签署一份
#: 「创新公约」): a name where its own clause signs it, before its end or a join; not a plan or a consensus
#: quoted as a programme's or a slogan's name (通过「某某计划」, 达成「重要共识」).
_QUOTED_SIGNED_NAME = re.compile(r"「(?P<t>[^「」《》]{2,40}?(?:路线图|公约|规划|纲要|宪章))」(?=[，,。；;、和与及等]|$)")
_SIGNED_IN_ITS_CLAUSE = re.compile(r"(?:签署|签订|签定|缔结)了?[^，,。；;：:「」《》]{0,12}$")


#: A name in quotes right before a document's kind is its title (发布「两岸和平发展共同愿景」新闻公报), and so is one
#: the words before it say is the title, its 的 before the kind (签署了一份题为「深化战略伙伴关系」的联合声明).
_QUOTED_TITLE = re.compile(r"「(?P<t>[^「」《》]{2,40}?)」(?=" + GENERIC_KINDS + ")"
                           r"|(?<=题为|名为)「(?P<titled>[^「」《》]{2,40}?)」(?=的(?:" + GENERIC_KINDS + "))")


#: A name that ends in none of these is a document only when its own clause says it was
#: signed or issued (签署《…》), not when a verb elsewhere does (引用《论语》).
DOCUMENT_ENDINGS = DOCUMENT_WORDS + ("宪章", "纲要", "清单", "愿景", "文件", "公约", "章程", "公告", "共识", "规划", "计划",
                                     "方案", "倡议", "路线图", "框架", "决议", "换文", "照会", "谅解")


_ITEM_SEPARATORS = re.compile(r"[、，,；;]")


#: A point between two digits is a name's, as in a version (关于启动甲乙伙伴关系3.0版的联合声明): the name
#: goes on past it; a full stop or any other point ends it.
_DECIMAL_POINT = r"(?<=[0-9])\.(?=[0-9])"


#: Unquoted names after a signing verb: a run of name characters ending in a document word.
#: A hyphen may join its parts (S-400防空导弹系统协议, 甲－乙边界协定), and quotation marks a term
#: inside it (关于共同推进“某某倡议”建设的谅解备忘录).
_UNQUOTED = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·](?:[\u4e00-\u9fffA-Za-z0-9·、\-－“”]|" + _DECIMAL_POINT + r")*?(?:"
                       + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + ")")


_JOINS = re.compile(r"和|与|及|以及|、")


#: The last name of a list closed by the count of all signed (签署了甲乙防务合作备忘录和避免双重征税协定修订议定书等七份文件,
#: 见证签署共建“某某之路”合作规划等多项合作文件): whatever word of what was signed ends it, and a document word inside it
#: (…协定修订议定书) is its subject's; the count after 等 says it is one of the documents.
_BEFORE_THE_COUNT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·](?:[\u4e00-\u9fffA-Za-z0-9·\-－“”]|" + _DECIMAL_POINT + r")*?(?:"
                               + "|".join(sorted(DOCUMENT_ENDINGS, key=len, reverse=True))
                               + r")(?=等(?:[0-9]{1,3}|[一两二三四五六七八九十]{1,3}|多|数)(?:项|份|个))")


#: A name in title marks where a list of names goes on (签署了《甲协定》、乙协定两年执行计划和丙议定书).
_TITLED = re.compile(r"《[^《》]+》")


#: An unquoted item of such a list: name characters to a word of what was signed that a join,
#: the clause's end or 等 follows (甲协定两年执行计划、; 丙议定书和).
_LISTED_AFTER_A_TITLE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·][\u4e00-\u9fffA-Za-z0-9·\-－]*?(?:"
                                   + "|".join(sorted(DOCUMENT_ENDINGS, key=len, reverse=True))
                                   + r")(?=、|和|与|及|以及|等|[，,。；;]|$)")


#: Words that end a name of what a document is about after its 的, besides the document words
#: (发表了关于共同解决某某等社会课题的政府间协商文件, 发布了关于稳定和发展双边关系的五点共识).
_ABOUT_KINDS = ("文件", "共识", "愿景", "路线图", "纲要", "宪章", "公约", "换文", "照会")


#: An unquoted name of what a document is about (关于结束甲协定谈判的意向声明, 关于共同推进“某某倡议”建设的
#: 谅解备忘录): a document word inside it is its subject's; the name ends at the document word after its 的.
_ABOUT = re.compile(r"关于(?:[\u4e00-\u9fffA-Za-z0-9·、“”]|" + _DECIMAL_POINT + r")*?的"
                    r"(?:[\u4e00-\u9fffA-Za-z0-9·“”]|" + _DECIMAL_POINT + r")*?(?:"
                    + "|".join(sorted(DOCUMENT_WORDS + _ABOUT_KINDS, key=len, reverse=True))
                    + r")(?=[^\u4e00-\u9fffA-Za-z0-9·]|和|与|及|以|为|$)")


#: The topic a name opens with, to its last 的 (关于战略稳定等问题的): 等 in it is the topic's word
#: (…等问题, …等社会课题), not the end of a list.
_ABOUT_TOPIC = re.compile(r"^关于.*的")


def _topic_etc_dropped(words: str) -> str:
    """The words of a name with the 等 of the topic it opens with left out (``关于甲乙等问题的`` → ``关于甲乙问题的``):
    what makes a name a description is read outside its topic."""
    topic = _ABOUT_TOPIC.match(words)
    return words if topic is None else topic.group().replace("等", "") + words[topic.end():]


NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")


#: The two sides a name opens with, as whose bodies signed it (两国商会贸易促进协定, 两国官方媒体交流谅解备忘录):
#: no part of its name, which is what follows (商会贸易促进协定). Not the governments a formal name is between
#: (两国政府间关于某桥建设合作的协议, as 甲国政府和乙国政府关于…的协议 is written): that name is whole.
_THE_SIDES = re.compile(r"两国(?:官方)?(?!政府|之?间|的)(?=[\u4e00-\u9fffA-Za-z0-9])")


#: The first of its kind the sides signed, written before a name (签署了首份甲乙防务合作协定, 两国首份某某备忘录):
#: no part of the name, as a count is none.
_FIRST_OF_ITS_KIND = re.compile(r"首(?:份|项|个|部)(?=[\u4e00-\u9fffA-Za-z0-9])")


#: What may follow a name: a join, a verb that goes on about it (…协定，为…; …协定以…), or the
#: 等 that ends a list (签署甲乙合拍协议等合作文件).
_NAME_ENDS = re.compile(r"和|与|及|以|为|等|在内的")


#: What makes an unquoted phrase a description, not a name (两项有关…的协定, 双边协议, 关于…的若干协定).
#: 共同 of 命运共同体, or right after 关于 (关于共同推进…的备忘录), is a name's word; so are 项 of 项目 (甲国向某港
#: 项目提供贷款的协定: a project, not a count) and 签 of 签证 (互免签证协定: a visa, not a verb of signing).
_NOT_A_NAME = re.compile(r"项(?!目)|份|个|些|系列|多|等|各|若干|并|(?<!关于)共同(?!体)|正式|分别|签(?!证)|发表|"
                         + GENERIC_KINDS)


#: What a name may not begin with: a word that makes it a description (有关…的协定, 上述协议).
_NOT_A_NAME_START = re.compile(r"^(有关|相关|涉及|涵盖|上述|以上|这|该|此|其|有|两(?!国政府间?关于)|三|几|数|一|的)")  # 签订的边界条约: a description


#: Right after a name the meeting issued (会后发表的甲乙联合声明重申…): what the document says.
_IT_SAYS = re.compile(r"重申|提及|提到|表示|强调|指出|称|宣布|写|中|未|则|也|还|确认")


#: A comma that goes on with the list of names (…合作协议，以及修建…的协议).
_LIST_GOES_ON = re.compile(r"[，,](以及|及|和)")


_MODIFIERS = ("双边", "多边", "相关", "有关", "合作", "框架", "上述", "重要", "若干", "该", "此", "这", "新", "临时", "国际",
              "正式", "最终", "全面")


#: Words before a document word that are modifiers alone, however many (重要合作协议, 双边合作协定): a description.
_ONLY_MODIFIERS = re.compile("(?:" + "|".join(_MODIFIERS) + ")+")


#: Right before a signing verb in its clause: the signing is sought, not done (同意推动早日签署《…》);
#: right before a name, the document is (三方就推进《…》谈判达成一致).
SOUGHT_WORDS = r"(?:早日|尽快|尽早|近期|争取|力争|推动|推进|期待|希望|期望|寻求|决定|致力于?)(?:早日|尽快|尽早|近期)?"


SOUGHT = re.compile(SOUGHT_WORDS + r"(?:签署|签订|签定|缔结|达成|完成|发表)[^，,。；;]{0,4}$")


def document_names(sentence: Sentence):
    """(start, end, name, linked article) of each document the sentence names, in the
    order it names them.

    The outcome reader asks it of a sentence once for each summit whose section holds it: it is
    worked out once a sentence, kept by the sentence's identity (with the sentence itself, so that
    no other object takes its id while it is kept) for the last :data:`_NAMES_KEPT` sentences."""
    kept = _NAMES.get(id(sentence))
    if kept is None or kept[0] is not sentence:
        if len(_NAMES) >= _NAMES_KEPT:
            _NAMES.clear()
        kept = _NAMES[id(sentence)] = (sentence, tuple(sorted(_document_names(sentence), key=lambda found: found[0])))
    return list(kept[1])


#: The sentences :func:`document_names` keeps the names of (a page has a few hundred).
_NAMES_KEPT = 1024
_NAMES: dict[int, tuple[Sentence, tuple[tuple[int, int, str, str | None], ...]]] = {}


def _document_names(sentence: Sentence):
    taken: list[tuple[int, int]] = []
    for match in TITLE_MARKS.finditer(sentence.hans):
        inner = sentence.spots_in(match.start("t"), match.end("t"))
        link = next((s for s in inner if s.link and s.start == match.start("t") and s.end == match.end("t")), None)
        name = link.link.link.target if link else sentence.text[match.start("t"):match.end("t")]
        taken.append((match.start(), match.end()))
        yield match.start(), match.end(), name, link.link.link.target if link else None
    signed = [m for m in _QUOTED_SIGNED_NAME.finditer(sentence.hans)
              if _SIGNED_IN_ITS_CLAUSE.search(sentence.hans, start_of_clause(sentence.hans, m.start()), m.start())]
    for match in (*_QUOTED_NAME.finditer(sentence.hans), *_QUOTED_TITLE.finditer(sentence.hans), *signed):
        if not any(a <= match.start() < b for a, b in taken):
            taken.append((match.start(), match.end()))
            group = "t" if match["t"] is not None else "titled"
            yield match.start(), match.end(), sentence.text[match.start(group):match.end(group)], None
    for spot in sentence.spots:
        if spot.link and spot.hans.endswith(DOCUMENT_WORDS) and \
                not any(a <= spot.start < b for a, b in taken):
            taken.append((spot.start, spot.end))
            yield spot.start, spot.end, spot.link.link.target, spot.link.link.target
    for start, end in (*unquoted_names(sentence.hans), *ceremony_names(sentence.hans)):
        if not any(a < end and start < b for a, b in taken):
            taken.append((start, end))
            yield start, end, sentence.text[start:end], None


def unquoted_names(hans: str):
    """(start, end) of the names written without 《》 after a signing or issuing verb, joined by
    和, 与, 及, 、 (``签订中美科技合作协定和文化协定``, ``发表联合公报和关于…的联合声明``: a kind
    alone in the list is read apart; a name of what it is about ends at the document word after
    its 的: ``签署了关于结束某协定谈判的意向声明``); a description is no name (``两项有关裁军问题的协定``,
    ``双边协议``); so are the names after ``，其中包括`` in a clause after a signing one, and a memorandum's
    or an agreement's after a verb of exchanging (``交换了关于某站合作的谅解备忘录``)."""
    for verb in (*_SIGNING_OR_ISSUING.finditer(hans), *_including_after_a_signing(hans), *EXCHANGING.finditer(hans),
                 *_REACHED_INCLUDING.finditer(hans)):
        exchanged = verb.re is EXCHANGING  # 交换了关于某站合作的谅解备忘录: a memorandum's or an agreement's texts only
        if exchanged and not hans.startswith("了", verb.end()):
            continue  # 就核燃料交换问题达成初步协议: a noun, no verb done
        at = verb.end() + (hans[verb.end():verb.end() + 1] == "了")
        stop = end_of_clause(hans, at)
        within = _INCLUDED_WITHIN.match(hans, at, stop)
        at = within.end() if within else at  # 签署了包括甲乙过境协定在内的10项协议: the name is after 包括
        measured = _MEASURED.match(hans, at, stop) or _ONE.match(hans, at, stop)
        at = measured.end() if measured else at  # 签署一项为期十年的经济合作协定: the name is after its measure
        if measured and _ONE_OF_A_KIND.match(hans, at, stop):
            continue  # 签署了一份谅解备忘录: one of a kind, unnamed
        after_a_title = False
        while at < stop:
            titled = _TITLED.match(hans, at, stop)  # 签署了《甲协定》、乙计划和丙协定: the titled one is read apart
            if titled is not None:
                join = _JOINS.match(hans, titled.end(), stop)
                if join is None:
                    break
                at, after_a_title = join.end(), True
                continue
            sides = _THE_SIDES.match(hans, at, stop)  # 两国商会贸易促进协定: the name is what follows the sides
            at = sides.end() if sides else at
            first = _FIRST_OF_ITS_KIND.match(hans, at, stop)  # 首份防务合作协定: the name is what follows
            at = first.end() if first else at
            match = _UNQUOTED.match(hans, at, stop)
            if after_a_title:
                match = _LISTED_AFTER_A_TITLE.match(hans, at, stop) or match
            if hans.startswith("关于", at) and (match is None or NAME_CHAR.match(hans, match.end())
                                                and not _NAME_ENDS.match(hans, match.end())):
                match = _ABOUT.match(hans, at, stop) or match  # 关于结束甲协定谈判的意向声明: the words to its 的 are its own
            if match is None or NAME_CHAR.match(hans, match.end()) and not _NAME_ENDS.match(hans, match.end()):
                match = _BEFORE_THE_COUNT.match(hans, at, stop) or match  # …协定修订议定书等七份文件: the name is to 等
            if match is None or NAME_CHAR.match(hans, match.end()) and not _NAME_ENDS.match(hans, match.end()) \
                    and not (verb.group().endswith("的") and _IT_SAYS.match(hans, match.end())):
                break  # the document word ends no name here (…协定书的)
            name = match.group()
            join = _LIST_GOES_ON.match(hans, match.end()) or _JOINS.match(hans, match.end(), stop)
            if re.fullmatch(GENERIC_KINDS, name):  # a kind alone is read apart: 发表联合公报和关于…的联合声明
                if join is None:
                    break
                at = join.end()
                continue
            if not (_a_name(name) if name.endswith(DOCUMENT_WORDS) else _a_listed_name(name)) or \
                    exchanged and not name.endswith(EXCHANGED_KINDS) or within and "的" in name and not name.startswith("关于"):
                break  # 包括甲方向乙方供应某物的长期合同在内: what it does, a description; 包括关于…的协定在内 names one
            yield match.start(), match.end()
            join = _LIST_GOES_ON.match(hans, match.end()) or _JOINS.match(hans, match.end(), stop)
            if join is None:
                break
            at = join.end()
            stop = max(stop, end_of_clause(hans, at))


def _including_after_a_signing(hans: str):
    """The words that open a clause listing some of what the clause before says was signed or exchanged
    (``签署了12项合作协议，其中包括甲国牛肉输乙议定书``, ``交换了四份谅解备忘录，其中包括…``): the names after them are
    written as after the verb."""
    for match in _INCLUDING.finditer(hans):
        if _SIGNING_OR_ISSUING.search(hans, 0, match.start()) or EXCHANGED.search(hans, 0, match.start()):
            yield match


#: A clause that opens by listing some of what was signed (，其中包括…, ，包括…).
_INCLUDING = re.compile(r"(?<=[，,])(?:其中)?(?:包括|包含)")
#: What was signed written as one of them, before the count of all (签署了包括甲乙过境协定在内的10项协议): the
#: words after 包括, up to the 在内 that closes them, name it.
_INCLUDED_WITHIN = re.compile(r"(?:包括|包含)(?=[^，,。；;《》]{2,60}?在内的)")
#: Documents reached, one named among them (达成包括建立全面伙伴关系协定在内的6份文件): reached as signed; not
#: 达成协议 alone, which names none.
_REACHED_INCLUDING = re.compile(r"达成(?=了?" + _INCLUDED_WITHIN.pattern + ")")


def _a_listed_name(name: str) -> bool:
    """Whether an unquoted item of a list after a titled name, ending in another word of what
    was signed (``中美文化协定两年执行计划``), names one: not a description (``有关计划``)."""
    topic = _ABOUT_TOPIC.match(name)  # 达成了关于某问题的共识: a consensus reached, no document; 关于…的五点共识 is one
    if topic is not None and len(name) - topic.end() - max((len(w) for w in _ABOUT_KINDS if name.endswith(w)), default=0) < 2:
        return False
    return not (_NOT_A_NAME.search(_topic_etc_dropped(name)) or _NOT_A_NAME_START.match(name)) and len(name) >= 6


def ceremony_names(hans: str):
    """(start, end) of the names written without 《》 between a verb of attending and the signing
    ceremony they name (``两国元首共同出席了关于成立甲乙工作组谅解备忘录的签字仪式``, ``出席甲乙铁路项目
    共同融资协议签字仪式``): the ceremony is the signing; a description is none (``出席两项合作协议的签字仪式``,
    ``出席合作文件签字仪式``, nor kinds listed: ``出席了双边协定和谅解备忘录的签署仪式``)."""
    for match in _CEREMONY.finditer(hans):
        sides = _THE_SIDES.match(hans, match.start("n"), match.end("n"))  # 出席两国某某协定的签字仪式: 某某协定
        start = sides.end() if sides else match.start("n")
        name = hans[start:match.end("n")]
        if not (re.fullmatch(GENERIC_KINDS, name) or _NOT_A_NAME_START.match(name) or _COUNTED.search(name)
                or len(name) < 6 or _kinds_listed(name)):
            yield start, match.end("n")
    yield from _listed_before_a_ceremony(hans)


def _listed_before_a_ceremony(hans: str):
    """(start, end) of the names listed first between a verb of attending and the signing they name, before
    what the list goes on to describe (``见证了两国政府经济技术合作协定以及粮食、融资等领域合作文件的签署``,
    ``见证了“一带一路”建设合作规划等双边合作文件的签署``, ``共同见证某某完成衔接，以及甲乙经济特区谅解备忘录的签署``):
    each item that ends in a document's word and is no description (``四份谅解备忘录和意向书``,
    ``双边协定和谅解备忘录``: counted, or kinds alone); the list stops at its 等."""
    for end in _SIGNING_ITSELF.finditer(hans):
        opens = start_of_clause(hans, end.start())
        if opens and _GOES_ON_LISTING.match(hans, opens):  # …完成衔接，以及甲乙谅解备忘录的签署: the verb's clause before
            opens = start_of_clause(hans, opens - 1)
        verbs = list(_ATTENDING.finditer(hans, opens, end.start()))
        if not verbs:
            continue
        at, stop = verbs[-1].end(), end.start()
        listed = _LISTING.search(hans, at, stop) is not None  # one name alone is _CEREMONY's
        while at < stop:
            item = _CEREMONY_ITEM.match(hans, at, stop)
            if item is None:
                break
            name = item["n"]
            if listed and _a_listed_ceremony_name(name):
                yield item.start("n"), item.end("n")
            if item["join"] in ("等", ""):
                break
            at = item.end()


def _a_listed_ceremony_name(name: str) -> bool:
    """Whether an item listed before a signing names a document: it ends in a document's word, and is no
    description (``四份谅解备忘录``, ``双边合作文件``, ``两国政府合作协议``: counted, modifiers or the sides alone
    before its word, or kinds listed). The two governments a name opens with before its topic
    (``见证了两国政府经济技术合作协定等文件的签署``) are the formal name's ``甲国政府和乙国政府…协定`` shortened:
    the name is whole, its sides included."""
    word = next((w for w in sorted(DOCUMENT_ENDINGS, key=len, reverse=True) if name.endswith(w)), None)
    if word is None or len(name) < 6 or re.fullmatch(GENERIC_KINDS, name) \
            or _NOT_A_NAME_START.match(name) and not _THE_TWO_GOVERNMENTS.match(name) \
            or _COUNTED.search(name) or _kinds_listed(name):
        return False
    core = _THE_SIDES_OR_BOTH.sub("", name[:-len(word)])
    return len(core) >= 2 and not _ONLY_MODIFIERS.fullmatch(core)


#: The sides a description opens with (双方合作文件, 双边合作文件, 两国政府合作协议): no name's words.
_THE_SIDES_OR_BOTH = re.compile(r"^(?:两国政府(?:之?间的?)?|两国|双方|三方|双边)")
#: The two governments a listed name opens with, the topic right after them (两国政府经济技术合作协定), as a formal
#: name between 甲国政府和乙国政府 is shortened; not the words between them (两国政府间协议).
_THE_TWO_GOVERNMENTS = re.compile(r"^两国政府(?!之?间)")
#: A join of a list (甲协定以及…, 乙规划等…).
_LISTING = re.compile(r"以及|、|和|与|及|等")
#: The signing a verb of attending names, after what was signed (…的签署, …签字仪式).
_SIGNING_ITSELF = re.compile(r"的?(?:签字|签署)仪式|的(?:签署|签字|签订)(?!仪式)")
#: A verb of attending a signing (出席了, 见证).
_ATTENDING = re.compile(r"(?:出席|参加|见证)了?")
#: A clause that goes on with the list of the clause before (，以及…).
_GOES_ON_LISTING = re.compile(r"以及|及|和")
#: An item of the list before a signing, to the join after it (甲协定以及, 乙规划等, or the list's end).
_CEREMONY_ITEM = re.compile(r"(?:[，,]?以及|及|和|、)?(?P<n>[^，,。；;、]+?)(?P<join>[，,]?以及|、|和|与|及|等|$)")


def _kinds_listed(name: str) -> bool:
    """Whether words before a signing ceremony list kinds of document, not names: one of them is
    a document word with modifiers alone before it (``出席了双边协定和谅解备忘录的签署仪式``)."""
    for part in _JOINS.split(name):
        word = next((w for w in sorted(DOCUMENT_WORDS, key=len, reverse=True) if part.endswith(w)), None)
        core = part[:-len(word)] if word else None
        if word is not None and (not core or _ONLY_MODIFIERS.fullmatch(core)):
            return True
    return False


#: A name between a verb of attending and a signing ceremony (出席…协议的签字仪式), or the signing itself
#: (共同见证甲乙海巡合作协定的签署).
_CEREMONY = re.compile(r"(?:出席|参加|见证|举行|主持)了?(?P<n>[\u4e00-\u9fffA-Za-z0-9·\-－]+?(?:"
                       + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r"))"
                       r"(?:的?(?:签字|签署)仪式|的(?:签署|签字|签订)(?!仪式))")


#: Words that make a phrase a description of documents, not a name (两项, 多份, 系列, 等).
_COUNTED = re.compile(r"项(?!目)|份|个|些|系列|多|等|各")


def start_of_clause(hans: str, at: int) -> int:
    return max((m.end() for m in CLAUSE.finditer(hans, 0, at)), default=0)


def end_of_clause(hans: str, at: int) -> int:
    return next((m.start() for m in CLAUSE.finditer(hans, at)), len(hans))


def other_names(reading: Reading, document: EntityId, sentence: Sentence, end: int) -> int:
    """``《甲》（又称《乙》，{{lang|en|…}}、{{lang|ko|…}}）``: 乙 and the en/ko names (a bare name all the parenthesis
    says too: ``《甲》（即某城第二号协议）``, as a lead's bold words give it); after the name
    or its parenthesis, ``，简称《乙》、《丙》``: 乙 and 丙.

    Returns where the other names end (``end`` when there are none).
    """
    called = _ALSO_CALLED.match(sentence.hans, end)
    if called is None and sentence.text.startswith(("（", "("), end):
        closed = _parenthesis(reading, document, sentence, end)
        called = _ALSO_CALLED.match(sentence.hans, closed + 1)  # 《甲》（外文名），简称《乙》
        if called is None:
            return closed
    if called is None:
        return end
    at = called.end()
    for more in [called] + list(_more_names(sentence.hans, at)):  # 《甲》，简称《乙》、《丙》
        text = sentence.text[more.start("t"):more.end("t")]
        reading.registry.label(document, Label(text, script_of(text)))
        reading.index.merge(document.key, text)
        at = more.end()
    reading.index.prefer(document.key)
    return at


def _more_names(hans: str, at: int):
    """The names listed right after another name of a document (``简称《乙》、《丙》``)."""
    while (more := _ALSO_LISTED.match(hans, at)) is not None:
        yield more
        at = more.end()


def _parenthesis(reading: Reading, document: EntityId, sentence: Sentence, end: int) -> int:
    """The names in the parenthesis right after a document's name; where it closes."""
    rest = sentence.text[end:]
    depth, stop = 0, len(rest)
    for i, char in enumerate(rest):
        depth += char in "（("
        depth -= char in "）)"
        if depth == 0:
            stop = i
            break
    inside = (end + 1, end + stop)
    hans_inside = sentence.hans[inside[0]:inside[1]]
    called = [m for m in _CALLED_INSIDE.finditer(hans_inside) if _a_name(m["t"])]  # not （即两国第二份协议）
    for match in (*_NAMED_INSIDE.finditer(hans_inside), *called):
        text = sentence.text[inside[0] + match.start("t"):inside[0] + match.end("t")]
        reading.registry.label(document, Label(text, script_of(text)))
        reading.index.merge(document.key, text)
        reading.index.prefer(document.key)  # the name the text gives first stays the key
    offset = sentence.start
    for run in sentence.passage.langs:
        if inside[0] <= run.start - offset and run.end - offset <= inside[1]:
            text = sentence.passage.text[run.start:run.end]
            reading.registry.label(document, Label(text, run.language), preferred=True)
    return inside[1]


def named_here(hans: str, start: int, end: int) -> bool:
    """Whether the 《…》 name at ``start:end`` of a list (a cell, an infobox field) names a
    document of this summit, not an earlier, a later or another one it qualifies."""
    clause_start = max((m.end() for m in CLAUSE.finditer(hans, 0, start)), default=0)
    before = hans[clause_start:start]
    return not (NEGATED.search(before) or NOT_HERE_BEFORE.search(before) or LATER.search(before)
                or NOT_HERE_AFTER.match(hans[end:]) or _NEGATED_AFTER.match(hans[end:])
                or not_a_document(hans, start, end))


def not_a_document(hans: str, start: int, end: int) -> bool:
    """A newspaper or an article's title in title marks."""
    name = hans[start:end].strip("《》")
    titled = _ARTICLE_TITLE.search(hans[:start]) and not _TITLE_OF_A_DOCUMENT.match(hans[end:])
    return bool(_MEDIA.search(name) or titled)


def cell_documents(text: str, *, said: bool = False) -> list[tuple[str, bool]]:
    """(name, by its kind alone) of each document an outcome cell names: 《…》 names (a
    cell needs no verb) unless referred to as earlier ones (``重申遵守《上海公报》``),
    unquoted names after a signing verb, and kinds alone written as an item of their own
    or after a verb (``联合公报、《…》``, ``发表联合公报，同意…``).

    ``said``: the cell is a note, not an outcome column's: it names a document only where
    its clause says it was signed or issued (``通宵谈判，达成《某城协议》``, ``发表五项联合声明``)."""
    hans = to_hans(text)
    out: list[tuple[str, bool]] = []
    taken: list[tuple[int, int]] = []
    for match in TITLE_MARKS.finditer(hans):
        taken.append((match.start(), match.end()))
        clause = hans[max((m.end() for m in CLAUSE.finditer(hans, 0, match.start())), default=0):match.start()]
        if said and not SIGNED.search(clause):
            continue
        if named_here(hans, match.start(), match.end()):
            name = text[match.start("t"):match.end("t")]
            out.append((name, bool(re.fullmatch(GENERIC_KINDS, to_hans(name)))))
    for start, end in unquoted_names(hans):
        if not any(a < end and start < b for a, b in taken):
            taken.append((start, end))
            if not SOUGHT.search(hans, start_of_clause(hans, start), start):  # 决定缔结新的基本条约: not yet
                out.append((text[start:end], False))
    if not said:
        for start, end in _named_items(hans):
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                out.append((text[start:end], False))
    for match in re.finditer(GENERIC_KINDS, hans):
        if any(a <= match.start() < b for a, b in taken):
            continue
        item_start = max((m.end() for m in _ITEM_SEPARATORS.finditer(hans, 0, match.start())), default=0)
        item = hans[item_start:match.start()].strip()
        verb = GENERIC_DOCUMENT.search(hans, item_start, match.end())
        if item == "" and not said or verb and not one_on_each_topic(hans, verb) and \
                not NEGATED.search(hans[item_start:match.end()]):
            out.append((text[match.start():match.end()], True))
    return out


#: An outcome cell's item that says there was none (未达成协议, 无联合声明).
_NO_ITEM = re.compile(r"未|无|没|不")


#: What separates the items of an outcome cell (联合声明；甲乙休战协议).
_CELL_ITEMS = re.compile(r"[^、，,；;\n]+")


#: Words that open an outcome cell's item listing some of what was signed (包括甲港租赁合同, 其中包括…).
_INCLUDING_ITEM = re.compile(r"(?:其中)?(?:包括|包含)")


def _named_items(hans: str):
    """(start, end) of each item of an outcome cell that is a name and nothing else, written
    without title marks (``甲乙首脑联合声明``, ``联合声明；甲乙争端休战协议``): the cell needs
    no verb; a description is none (``两项合作协议``, ``双边协议``), nor what says one was or was not
    reached (``未达成协议``: the verbs' readers read it)."""
    for item in _CELL_ITEMS.finditer(hans):
        start, end = item.start() + len(item.group()) - len(item.group().lstrip()), \
            item.end() - len(item.group()) + len(item.group().rstrip())
        including = _INCLUDING_ITEM.match(hans, start, end)
        start = including.end() if including else start  # 签署9项协议，包括甲港租赁合同: the name after the words
        if _UNQUOTED.fullmatch(hans, start, end) and _a_name(hans[start:end]) and \
                not SIGNED.search(hans, start, end) and not _NO_ITEM.match(hans, start, end):
            yield start, end


def _a_name(name: str) -> bool:
    """Whether words that end in a document word name one, not describe it (``两项有关…的协定``,
    ``重要合作协议``: modifiers alone)."""
    core = name[:-max(len(w) for w in DOCUMENT_WORDS if name.endswith(w))]
    return not (re.fullmatch(GENERIC_KINDS, name) or _NOT_A_NAME.search(_topic_etc_dropped(core))
                or _NOT_A_NAME_START.match(name)
                or len(core) < 2 or _ONLY_MODIFIERS.fullmatch(core) or core.endswith("的") and len(core) < 6
                or re.fullmatch(_AMOUNT + "的?", core))  # 约50亿欧元合同: what it is worth, no name
