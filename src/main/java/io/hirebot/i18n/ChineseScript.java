package io.hirebot.i18n;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads Traditional Chinese as Simplified, character by character, so "職位", "候選人", "面試" mean what "职位",
 * "候选人", "面试" mean. A small table of the characters recruiters type (hiring words, common surnames and given
 * names, everyday words), not a full converter: a character it does not know is kept, which only costs a match.
 */
public final class ChineseScript {

  /** Pairs of Traditional then Simplified; a character that is the same in both scripts is simply absent. */
  private static final String PAIRS = String.join("",
      "職职選选崗岗們们個个這这還还來来對对時时間间開开發发後后過过試试與与應应學学會会員员話话說说請请問问誰谁",
      "麼么裡里裏里邊边樣样產产銷销數数據据計计設设師师歷历曆历簡简態态狀状進进錄录聯联絡络見见視视頁页業业務务",
      "專专總总監监線线週周現现電电腦脑網网運运營营場场長长項项組组織织經经驗验證证當当為为無无於于從从給给讓让",
      "實实習习課课評评價价審审準准備备註注記记辦办稱称處处達达種种類类別别號号碼码門门戶户團团隊队語语將将議议",
      "論论談谈輪轮約约預预訂订閱阅關关閉闭啟启權权導导層层級级動动極极積积機机標标籤签簽签條条軟软體体單单並并",
      "顯显嗎吗幫帮幾几筆笔歲岁蘭兰張张偉伟劉刘陳陈楊杨黃黄趙赵吳吴孫孙馬马羅罗鄭郑謝谢韓韩馮冯鄧邓蕭萧許许",
      "東东麗丽華华傑杰軍军濤涛鵬鹏飛飞強强紅红龍龙鳳凤優优較较剛刚該该讀读寫写畫画圖图書书區区劃划夠够術术",
      "藝艺範范圍围舊旧滿满費费測测檢检報报階阶環环節节內内則则雜杂難难題题覆复復复雙双參参歡欢掃扫髮发鬆松",
      "醫医藥药療疗險险資资獎奖勵励補补貼贴稅税額额輔辅雲云鬥斗轉转換换況况沒没錢钱決决認认識识紀纪調调戲戏",
      "劇剧廣广聲声樂乐眾众鄉乡縣县庫库歸归盤盘統统構构維维護护質质熱热親亲愛爱壓压顧顾購购買买賣卖貨货倉仓",
      "儲储輸输閃闪擊击敗败勝胜獨独戰战爭争濟济麵面裝装嚴严隨随際际陸陆億亿萬万兩两氣气鐘钟點点觀观覺觉幣币",
      "銀银錯错誤误礎础廠厂豐丰邏逻輯辑雖虽讚赞駕驾駛驶貝贝輕轻衛卫靜静艷艳豔艳傑杰濤涛軒轩輝辉穎颖緒绪鈞钧",
      "瑩莹馨馨澤泽樂乐潔洁淺浅嬌娇貞贞綺绮瓊琼權权歐欧陽阳魯鲁蔣蒋沈沈薑姜葉叶蘇苏鍾钟盧卢賈贾鄒邹闕阙齊齐",
      "嚴严顏颜譚谭賴赖鄔邬龔龚錢钱湯汤崔崔韋韦溫温傅傅聶聂餘余諸诸丟丢亂乱們们倆俩務务創创嗎吗園园圓圆",
      "執执報报變变嗎吗頭头寶宝實实將将屆届戲戏擔担擇择據据構构樓楼橫横歷历殘残氫氢湯汤燈灯爾尔獲获瑪玛畢毕",
      "盡尽碩硕穩稳競竞筆笔範范綜综緊紧縮缩績绩繼继續续罷罢聽听臉脸舉举藍蓝蘋苹號号衝冲複复襯衬覽览訪访設设",
      "許许評评詢询試试詳详該该語语誌志課课調调請请諮咨謝谢譯译護护讀读變变貢贡負负費费貸贷資资賬账趕赶跡迹",
      "踐践車车軌轨較较載载輯辑辦办農农適适選选遞递還还郵邮鄰邻醫医釋释針针鏈链鐵铁門门閒闲間间閱阅隊队階阶",
      "際际雜杂離离電电靈灵韓韩頁页頂顶項项順顺須须預预領领頻频題题類类顧顾風风飛飞餐餐館馆驗验體体髮发鬧闹",
      "魚鱼鳥鸟麥麦黨党齡龄");

  private static final Map<Character, Character> SIMPLIFIED = new HashMap<>();

  static {
    for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
      char traditional = PAIRS.charAt(i);
      char simplified = PAIRS.charAt(i + 1);
      if (traditional != simplified) {
        SIMPLIFIED.putIfAbsent(traditional, simplified);
      }
    }
  }

  private ChineseScript() {}

  /** The text with every Traditional character the table knows replaced by its Simplified form. */
  public static String toSimplified(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      Character simplified = SIMPLIFIED.get(text.charAt(i));
      if (simplified != null) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, simplified);
      }
    }
    return out == null ? text : out.toString();
  }
}
