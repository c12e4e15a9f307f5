import { addYears } from '../../domain/dates.ts';
import { idCheckChar } from '../../domain/people/id-number.ts';
import type { DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import { fromDay, toDay } from './history.ts';
import { chineseName, ethnicity, mobilePhone, regionCode } from './names.ts';
import { type Rng, cumulative } from './rng.ts';

export type PersonRow = DatasetDoc['people'][number];
export type Gender = '男' | '女';

/** Who a person is; decides age, education, title and flags. */
export type Profile =
  | 'teacher'
  | 'staff'
  | 'retiree'
  | 'undergrad'
  | 'grad'
  | 'counselor'
  | 'worker'
  | 'resident';

/** Age ranges at `asOf` (whole years, inclusive). */
const AGES: Record<Profile, [number, number]> = {
  teacher: [28, 62],
  staff: [25, 60],
  retiree: [60, 90],
  undergrad: [18, 23],
  grad: [22, 26],
  counselor: [26, 35],
  worker: [22, 58],
  resident: [25, 80],
};
const FEMALE_SHARE: Record<Profile, number> = {
  teacher: 0.5,
  staff: 0.45,
  retiree: 0.42,
  undergrad: 0.58,
  grad: 0.55,
  counselor: 0.55,
  worker: 0.4,
  resident: 0.5,
};

const EDU: Record<Profile, [string[], number[]]> = {
  teacher: [['研究生', '大学本科'], cumulative([86, 14])],
  counselor: [['研究生', '大学本科'], cumulative([80, 20])],
  staff: [['研究生', '大学本科', '大学专科'], cumulative([40, 54, 6])],
  retiree: [
    ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'],
    cumulative([5, 38, 24, 14, 14, 5]),
  ],
  undergrad: [['高中'], [1]],
  grad: [['大学本科', '研究生'], cumulative([85, 15])],
  worker: [['研究生', '大学本科', '大学专科', '中专', '高中'], cumulative([8, 46, 28, 10, 8])],
  resident: [['大学本科', '大学专科', '中专', '高中', '初中及以下'], cumulative([22, 26, 16, 22, 14])],
};

export type Identity = { person: PersonRow; birth: string; gender: Gender };

/**
 * A person with a consistent identity: the ID number (GB 11643) encodes the birth date and gender,
 * carries a valid check character and is unique among `issued`; ~3% of people have no ID number on file.
 */
export function makeIdentity(
  rng: Rng,
  ref: string,
  profile: Profile,
  asOf: string,
  issued: Set<string>,
  birthRange?: [string, string],
): Identity {
  const [a0, a1] = AGES[profile];
  const lo = birthRange ? toDay(birthRange[0]) : toDay(addYears(asOf, -(a1 + 1))) + 1;
  const hi = birthRange ? toDay(birthRange[1]) : toDay(addYears(asOf, -a0));
  const birth = fromDay(rng.int(lo, hi));
  const gender: Gender = rng.chance(FEMALE_SHARE[profile]) ? '女' : '男';
  const birthYear = Number(birth.slice(0, 4));
  const age = Number(asOf.slice(0, 4)) - birthYear;
  const [eduList, eduCum] = EDU[profile];
  const person: PersonRow = {
    ref,
    name: chineseName(rng, gender, birthYear),
    gender,
    birth_date: birth,
    id_number: rng.chance(0.03) ? null : idNumber(rng, birth, gender, issued),
    phone: mobilePhone(rng),
    education: rng.weighted(eduList, eduCum),
    ethnicity: ethnicity(rng),
  };
  const title = titleFor(rng, profile, age);
  if (title) person.title = title;
  const flags = flagsFor(rng, profile, title);
  if (flags.length > 0) person.flags = flags;
  return { person, birth, gender };
}

function idNumber(rng: Rng, birth: string, gender: Gender, issued: Set<string>): string | null {
  for (let tries = 0; tries < 50; tries++) {
    const seq = String(rng.int(0, 99)).padStart(2, '0');
    const sexDigit = 2 * rng.int(0, 4) + (gender === '男' ? 1 : 0);
    const first17 = `${regionCode(rng)}${birth.replaceAll('-', '')}${seq}${sexDigit}`;
    const id = first17 + idCheckChar(first17);
    if (!issued.has(id)) {
      issued.add(id);
      return id;
    }
  }
  return null;
}

function titleFor(rng: Rng, profile: Profile, age: number): string | undefined {
  if (profile === 'teacher') {
    if (age >= 48) return rng.pick(['教授', '教授', '副教授']);
    if (age >= 38) return rng.pick(['教授', '副教授', '副教授', '讲师']);
    return rng.pick(['副教授', '讲师', '讲师', '讲师']);
  }
  if (profile === 'counselor') return rng.pick(['辅导员', '辅导员', '讲师']);
  if (profile === 'staff') {
    if (age >= 45) return rng.pick(['处长', '副处长', '科长', '三级调研员']);
    if (age >= 33) return rng.pick(['科长', '副科长', '一级主任科员', '四级主任科员']);
    return rng.pick(['科员', '科员', '一级科员']);
  }
  return undefined;
}

function flagsFor(rng: Rng, profile: Profile, title: string | undefined): string[] {
  const flags: string[] = [];
  if (profile === 'teacher' && rng.chance(0.25)) flags.push('teaching_backbone');
  if (title === '处长' || title === '副处长') flags.push('leading_cadre');
  if (profile === 'retiree') {
    flags.push('retired');
    if (rng.chance(0.04)) flags.push('hardship');
  }
  if (profile === 'undergrad' || profile === 'grad') flags.push('student');
  if ((profile === 'worker' || profile === 'resident') && rng.chance(0.02)) flags.push('mobile');
  return flags;
}
