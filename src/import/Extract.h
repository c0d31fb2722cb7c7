// Extract.h — what the importer reads out of one task's text: its unit lists (牵头单位/责任单位,
// in brackets or on lines of their own), quantitative targets and reported figures.
// Depends on Text.h and core/Model.h.
#pragma once
#include <string>
#include <vector>

#include "Text.h"
#include "core/Model.h"

namespace importer {

struct UnitSpec {
    std::vector<U32> lead;         // 牵头单位 / 主责单位 / 牵头部门
    std::vector<U32> responsible;  // 责任单位 / 配合单位 / 协办单位 / 参与单位
    bool Empty() const { return lead.empty() && responsible.empty(); }
};

// "牵头单位:A、B,责任单位:C" (any width of colon and comma). False when `s` does not begin
// with a unit label.
bool ParseUnitLabels(const U32& s, UnitSpec& out);

// A trailing bracket "(牵头单位:…,责任单位:…)" at the end of a task's text: parsed into `out`
// and removed from `text`. False (text unchanged) when there is none.
bool TakeUnitBracket(U32& text, UnitSpec& out);

// Splits a printed unit list on 、，,；; outside brackets, so 各镇[街道] and 县(市、区)政府 stay whole.
std::vector<U32> SplitUnitList(const U32& s);

// Quantitative targets in a plan task's text (达到90%, 不少于60学时, 全覆盖 ...), each with its
// sentence and the year it is due when that sentence says (到2025年, 2024年底前).
std::vector<core::Target> ExtractTargets(const U32& text);

// Statistics an annual report gives (受理…297起, 调解成功率达91.2%), as figures of `year`.
std::vector<core::Figure> ExtractFigures(const U32& text, int year);

// The due date a sentence names: "2025" for 到2025年, "2024-12" for 2024年底前; "" when none.
std::string DueIn(const U32& sentence);

}  // namespace importer
