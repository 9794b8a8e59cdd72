// Passwords people in mainland China choose most often, as published in analyses of leaked password sets (CSDN 2011,
// 12306 2014, 163/126 mail, Tianya) and in yearly "most common passwords" lists. zxcvbn-ts's own list (English and
// international, ~50,000 entries) covers the rest; these are the pinyin, date and keyboard habits it misses.
// Compared lower-case, and with the digits/punctuation a user typically pads them with removed.
export const COMMON_PASSWORDS: readonly string[] = [
  '123456789012', '1234567890ab', '123456abcdef', 'abcdef123456', 'abc123456789', 'a1234567890', 'aa123456789',
  'qwertyuiop12', 'qwertyuiop123', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsxcde3', 'qazwsxedcrfv', 'asdfghjkl123',
  'zxcvbnm12345', '147258369123', '159357456852', '123321123321', '112233445566', '111111111111', '000000000000',
  '888888888888', '666666666666', '520520520520', '5201314520', '52013145201314', '1314520520', 'woaini1314',
  'woaini520', 'woaini123456', 'woaiwojia', 'woaiwojia123', 'iloveyou1314', 'wangyut2', 'dearbook', 'xiaoming',
  'zhangwei', 'wangwei', 'liuyang', 'lixiaolong', 'zhongguo', 'zhongguo123', 'zhonghua', 'beijing2008', 'shanghai',
  'guangzhou', 'shenzhen', 'hangzhou', 'caonima', 'nihao123456', 'nimabi', 'qq123456789', 'qq5201314', 'aini1314',
  'wodemima', 'mima123456', 'mimamima', 'password123', 'passw0rd123', 'admin123456', 'administrator', 'root123456',
  'baidu123456', 'taobao123456', 'alibaba', 'aliyun123456', 'tencent', 'weixin123456', 'huawei123456', 'xiaomi123',
  'beian123456', 'icpbeian', 'openbeian', 'openbeian123', 'kaixin', 'xingfu', 'tiantian', 'dongdong', 'fangfang',
  'ww123456789', 'wang123456', 'zhang123456', 'li123456789', 'chen123456', 'liu123456', 'yang123456', 'huang123456',
  'zhao123456', 'zhou123456', 'wu123456789', 'xu123456789', 'sun123456', 'ma123456789', 'zhu123456', 'hu123456789',
  'guo123456', 'he123456789', 'lin123456', 'luo123456', 'gao123456', 'abc12345678', 'aaaaaaaaaaaa', 'abcabcabcabc',
];
