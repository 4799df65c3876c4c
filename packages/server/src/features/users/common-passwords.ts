/**
 * Passwords too common to allow. The 49,233 of @zxcvbn-ts/language-common (leaked-password
 * frequency lists, maintained with zxcvbn-ts) miss the favourites of Chinese users; the list
 * below adds those of them that pass the length and letter-and-digit rules or nearly do
 * (pinyin names and phrases with 123456, 1314 "一生一世", 520/521 "我爱你").
 */
const CHINESE_FAVOURITES = [
  'woaini1314', 'woaini520', 'woaini521', 'woaini123', 'woaini1234', 'woaini5201314', 'woaini123456',
  'iloveyou1314', 'aini1314', '1314woaini', '5201314a', 'a5201314', 'qq5201314', 'love5201314',
  'wang123456', 'zhang123456', 'li123456', 'liu123456', 'chen123456', 'yang123456', 'huang123456',
  'zhao123456', 'zhou123456', 'wu123456', 'xu123456', 'sun123456', 'ma123456', 'zhu123456', 'hu123456',
  'admin123456', 'admin888', 'admin8888', 'a88888888', 'abc888888', 'a11111111', 'aa112233', 'asdf123456',
  'woshishui', 'wodemima', 'mima123456', 'mima1234', 'zhongguo123', 'zhongguo1949', 'china1949',
  'woaiwojia', 'woaizhongguo', 'nihao123456', 'nihao1234', 'qwe123456789', 'qq1234567', 'qq12345678',
  'abc1234567', 'a123456a', 'a1234567a', 'zxc123456789', 'asd123456789', 'password123456',
];

let common: Promise<Set<string>> | undefined;

/** Loaded on first use: unpacking the list takes ~0.2 s, which a server start need not pay. */
export function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set([...dictionary['passwords-common'], ...CHINESE_FAVOURITES]));
  return common;
}
