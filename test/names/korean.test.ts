// Korean names in Hangul match their customary Latin spellings (data/names/korean.yaml), in
// any of the romanisation systems and however the given name is split; near misses do not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nameMatcher } from "../../src/services/names.ts";
import { createScreeningIndex } from "../../src/services/screening.ts";
import { koreanLists } from "../../src/names/korean.ts";
import { compareNormalised, DEFAULT_THRESHOLD } from "../../src/names/similarity.ts";
import { DossierError } from "../../src/errors/index.ts";

const m = nameMatcher();
/** Each pair matches (or, with `expected` false, does not), the score shown when it fails. */
const expectMatch = (pairs: [string, string][], expected = true) => {
  for (const [a, b] of pairs) {
    const score = m.compare(a, b).score;
    assert.equal(score >= DEFAULT_THRESHOLD, expected, `${a} ${expected ? "~" : "!~"} ${b}: ${score}`);
  }
};
/** Every spelling of `latin` with `{}` replaced by each of `spellings`, paired with `hangul`. */
const eachSpelling = (hangul: string, latin: string, spellings: string[]): [string, string][] => spellings.map((s) => [hangul, latin.replace("{}", s)]);

test("a Hangul name matches each customary spelling of its surname", () => {
  expectMatch([
    ...eachSpelling("이민호", "{} Min Ho", ["Lee", "Yi", "Rhee", "Ri", "I", "Li"]),
    ...eachSpelling("박지성", "{} Ji-sung", ["Park", "Pak", "Bak"]),
    ...eachSpelling("김대중", "{} Dae-jung", ["Kim", "Gim"]),
    ...eachSpelling("최순실", "{} Soon-sil", ["Choi", "Choe"]),
    ...eachSpelling("정몽준", "{} Mong-joon", ["Jung", "Chung", "Jeong", "Jong", "Chong"]),
    ...eachSpelling("노태우", "{} Tae-woo", ["Roh", "Noh", "No"]),
    ...eachSpelling("류현진", "{} Hyun-jin", ["Ryu", "Yoo", "Yu", "Lyu"]),
    ...eachSpelling("유재석", "{} Jae-suk", ["Yoo", "Yu"]),
    ...eachSpelling("임종석", "{} Jong-seok", ["Lim", "Im", "Rim"]),
    ...eachSpelling("안철수", "{} Cheol-soo", ["Ahn", "An"]),
    ...eachSpelling("오세훈", "{} Se-hoon", ["Oh", "O"]),
    ...eachSpelling("신격호", "{} Kyuk-ho", ["Shin", "Sin"]),
    ...eachSpelling("강석주", "{} Sok Ju", ["Kang", "Gang"]),
    ...eachSpelling("조용원", "{} Yong Won", ["Cho", "Jo"]),
    ...eachSpelling("권오현", "{} Oh-hyun", ["Kwon", "Gwon"]),
    ["황교안", "Hwang Kyo-ahn"],
    ["한덕수", "Han Duck-soo"],
  ]);
});

test("given names match in Revised Romanization, McCune-Reischauer, the DPRK's spelling and customary forms", () => {
  expectMatch([
    ["김정은", "Kim Jong Un"], // DPRK
    ["김정은", "Kim Chong-un"], // McCune-Reischauer
    ["김정은", "Gim Jeong-eun"], // Revised Romanization
    ["김정은", "Kim Jung-eun"], // customary
    ["윤석열", "Yoon Suk-yeol"],
    ["윤석열", "Yun Seok-yeol"],
    ["윤석열", "Yun Sok Yol"],
    ["반기문", "Ban Ki-moon"],
    ["노무현", "Roh Moo-hyun"],
    ["박근혜", "Park Geun-hye"],
    ["이재명", "Lee Jae-myung"],
    ["김영삼", "Kim Young-sam"],
    ["박정희", "Park Chung-hee"],
    ["김여정", "Kim Yo Jong"],
    ["리선권", "Ri Son Gwon"],
    ["최룡해", "Choe Ryong Hae"],
    ["박봉주", "Pak Pong Ju"],
    ["태영호", "Thae Yong Ho"], // the DPRK's th for an aspirate
  ]);
});

test("a given name matches written apart, hyphenated or together, and in either name order", () => {
  expectMatch([
    ["문재인", "Moon Jae In"],
    ["문재인", "Moon Jae-in"],
    ["문재인", "Moon Jaein"],
    ["윤석열", "Yoon Sukyeol"],
    ["김정은", "KIM, Jong Un"],
    ["김정은", "Jong-un Kim"],
    ["정은 김", "Kim Jong Un"], // Hangul written surname last
    ["김 정은", "Kim Jong-un"],
    ["김연아", "Kim Yuna"],
    ["김연아", "Kim Yu-na"], // spelled by pronunciation: the n carried over to the next syllable
  ]);
});

test("two-syllable surnames match written as one word or as two", () => {
  expectMatch([
    ["남궁민", "Namgung Min"],
    ["남궁민", "Namgoong Min"],
    ["남궁민", "Nam-goong Min"],
    ["선우용녀", "Sunwoo Yong-nyeo"],
    ["황보관", "Hwangbo Kwan"],
    ["독고영재", "Dokgo Young-jae"],
    ["제갈성렬", "Jegal Sung-yeol"],
  ]);
});

test("near misses do not match: the same surname and one given syllable in common is not the same person", () => {
  expectMatch(
    [
      ["김정은", "Kim Jong Il"],
      ["김정은", "Kim Jong Nam"],
      ["김정은", "Kim Yo Jong"],
      ["김정은", "Kim Jong Chol"],
      ["김정은", "Kim Il Sung"],
      ["박지성", "Pak Ji Hun"],
      ["박지성", "Park Ji Won"],
      ["박지성", "Park Jae Sung"],
      ["박봉주", "Park Bong-soo"],
      ["이민호", "Lee Min Woo"],
      ["문재인", "Moon Jae-sik"],
      ["김여정", "Kim Yong Jong"],
      ["최룡해", "Choe Ryong Su"],
    ],
    false,
  );
});

test("two names in Hangul compare as written: syllables sharing a Latin spelling are still different", () => {
  // 선 and 순 are both spelled "sun", 정 and 중 both "jung".
  expectMatch(
    [
      ["김선희", "김순희"],
      ["박정호", "박중호"],
    ],
    false,
  );
  expectMatch([["김정은", "김정은"], ["정은 김", "김정은"]]);
});

test("the explanation names the spelling a syllable was compared through", () => {
  const r = m.compare("김정은", "Kim Jong Un");
  assert.equal(r.score, 1);
  assert.deepEqual(
    r.explanation.tokens.map((t) => [t.query, t.candidate, t.how]),
    [
      ["gim", "kim", "spelling"],
      ["jeong", "jong", "spelling"],
      ["eun", "un", "spelling"],
    ],
  );
});

test("a Hangul syllable is a name, never an initial, particle or legal form", () => {
  // 이 transliterates to "i", 다 to "da", 악 to "ag".
  assert.deepEqual(m.normalise("이다악").tokens.map((t) => [t.text, t.kind]), [["i", "name"], ["da", "name"], ["ag", "name"]]);
});

test("the screening index finds Korean names across scripts, as a full scan with the matcher does", () => {
  const surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
  const given = ["민준", "서연", "지훈", "수빈", "현우", "지민", "영호", "은정", "성민", "혜진"];
  const latinSurnames = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"];
  const latinGiven = ["Min-jun", "Seo-yeon", "Ji-hoon", "Su-bin", "Hyun-woo", "Ji-min", "Young-ho", "Eun-jung", "Sung-min", "Hye-jin"];
  // Every surname with every given name, in Hangul and in Latin script, so each token is shared by many names.
  const names: string[] = [];
  for (let s = 0; s < surnames.length; s++) {
    for (let g = 0; g < given.length; g++) names.push(surnames[s] + given[g], `${latinSurnames[s]} ${latinGiven[g]}`);
  }
  names.push("김정은", "Kim Jong Il", "Kim Yo Jong", "Moon Jae-in", "윤석열");
  const ix = createScreeningIndex();
  names.forEach((n, i) => ix.add({ id: String(i), name: n, schema: "Person", datasets: ["t"] }));
  const id = (n: string) => String(names.indexOf(n));
  for (const [q, expected] of [
    ["Kim Jong Un", "김정은"],
    ["Kim Jong-un", "김정은"],
    ["문재인", "Moon Jae-in"],
    ["Yoon Suk-yeol", "윤석열"],
    ["Yun Sokyol", "윤석열"],
    ["박지훈", "Park Ji-hoon"],
    ["Choi Hyun-woo", "최현우"],
    ["Chung Eun-jung", "정은정"],
  ]) {
    const got = ix.query(q, { limit: 100 });
    assert.ok(got.some((x) => x.id === id(expected)), q);
    const q0 = m.normalise(q);
    const scan = names.filter((n) => compareNormalised(q0, m.normalise(n), m.keyOf, { stats: ix.stats }).score >= DEFAULT_THRESHOLD);
    assert.deepEqual(new Set(got.map((x) => x.name)), new Set(scan), q);
  }
  assert.ok(!ix.query("김정은").some((x) => x.id === id("Kim Jong Il")));
});

test("korean.yaml is checked: a letter without spellings or a spelling not in lowercase Latin letters names its field", () => {
  const lists = { initials: {}, vowels: {}, finals: {}, initialBeforeVowel: [], vowelBeforeFinal: [], syllables: {} };
  assert.throws(
    () => koreanLists(lists, "korean.yaml"),
    (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATASET" && e.context.field === "initials.ㄱ",
  );
  assert.throws(
    () => koreanLists({ ...lists, syllables: { 이: ["Lee"] } }, "korean.yaml"),
    (e: unknown) => e instanceof DossierError && e.context.field === "syllables.이",
  );
});
