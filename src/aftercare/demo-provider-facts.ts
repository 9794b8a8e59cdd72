/**
 * A made-up provider for demo and test mode: every value is invented and the console marks pages built from them
 * as demo. A real provider writes its own file (docs/provider-facts.example.json) and names it in
 * OPENBEIAN_PROVIDER_FACTS.
 */
export const DEMO_PROVIDER_FACTS = {
  name: '开源备案演示云计算有限公司',
  nameEn: 'OpenBeian Demo Cloud Co., Ltd.',
  region: '浙江省杭州市余杭区',
  accessMethod: '租赁虚拟空间',
  phone: '400-000-0000',
  organisationCode: 'MA0000000',
  address: '浙江省杭州市余杭区演示路1号',
  licences: { idc: 'B1-00000000（演示）', isp: 'B1-00000000（演示）' },
  invoicingEntity: '开源备案演示知识产权服务有限公司',
  regions: [
    { id: 'cn-hangzhou', name: { zh: '华东1（杭州）', en: 'East China 1 (Hangzhou)' }, province: '330000', cityCode: '330100', city: '杭州市', address: '浙江省杭州市余杭区演示数据中心' },
    { id: 'cn-shanghai', name: { zh: '华东2（上海）', en: 'East China 2 (Shanghai)' }, province: '310000', cityCode: '310100', city: '上海市', address: '上海市宝山区演示数据中心' },
    { id: 'cn-beijing', name: { zh: '华北2（北京）', en: 'North China 2 (Beijing)' }, province: '110000', cityCode: '110100', city: '北京市', address: '北京市海淀区演示数据中心' },
    { id: 'cn-qingdao', name: { zh: '华北1（青岛）', en: 'North China 1 (Qingdao)' }, province: '370000', cityCode: '370200', city: '青岛市', address: '山东省青岛市黄岛区演示数据中心' },
    { id: 'cn-shenzhen', name: { zh: '华南1（深圳）', en: 'South China 1 (Shenzhen)' }, province: '440000', cityCode: '440300', city: '深圳市', address: '广东省深圳市南山区演示数据中心' },
    { id: 'cn-guangzhou', name: { zh: '华南3（广州）', en: 'South China 3 (Guangzhou)' }, province: '440000', cityCode: '440100', city: '广州市', address: '广东省广州市黄埔区演示数据中心' },
    { id: 'cn-hongkong', name: { zh: '中国香港', en: 'Hong Kong (China)' }, isMainland: false, address: '香港演示数据中心' },
  ],
};
