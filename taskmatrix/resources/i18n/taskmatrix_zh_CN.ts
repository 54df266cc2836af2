<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Open the &amp;Built-in Plan</source>
        <translation>打开内置计划(&amp;B)</translation>
    </message>
    <message>
        <source>Plan &amp;Title and Preamble…</source>
        <translation>计划标题和前言(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import Report…</source>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Clear All Filters</source>
        <translation>清除全部筛选(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New Task</source>
        <translation>新建任务(&amp;N)</translation>
    </message>
    <message>
        <source>Dup&amp;licate Task</source>
        <translation>复制任务(&amp;L)</translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>Renum&amp;ber Tasks</source>
        <translation>重新编号(&amp;B)</translation>
    </message>
    <message>
        <source>Renam&amp;e Section…</source>
        <translation>重命名领域(&amp;E)…</translation>
    </message>
    <message>
        <source>Pa&amp;ge Setup…</source>
        <translation>页面设置(&amp;G)…</translation>
    </message>
    <message>
        <source>Units Not Rep&amp;orted…</source>
        <translation>未报送单位(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Delete Tasks</source>
        <translation>删除任务(&amp;D)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Add &amp;Section…</source>
        <translation>添加领域(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Manage Units…</source>
        <translation>管理单位(&amp;M)…</translation>
    </message>
    <message>
        <source>Print the Selected &amp;Unit&apos;s Sheet…</source>
        <translation>打印所选单位的分工清单(&amp;U)…</translation>
    </message>
    <message>
        <source>Print the Selected &amp;City&apos;s Sheet…</source>
        <translation>打印所选地市的分工清单(&amp;C)…</translation>
    </message>
    <message>
        <source>Print the Current &amp;Filter…</source>
        <translation>打印当前筛选结果(&amp;F)…</translation>
    </message>
    <message>
        <source>Print &amp;Every Unit&apos;s Sheet…</source>
        <translation>打印全部单位的分工清单(&amp;E)…</translation>
    </message>
    <message>
        <source>Print Every C&amp;ity&apos;s Sheet…</source>
        <translation>打印全部地市的分工清单(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New Reporting Round…</source>
        <translation>新建报送期次(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit the Round…</source>
        <translation>编辑本期(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete the Round…</source>
        <translation>删除本期(&amp;D)…</translation>
    </message>
    <message>
        <source>Correct the Dead&amp;line…</source>
        <translation>更正完成时限(&amp;L)…</translation>
    </message>
    <message>
        <source>Lights and &amp;Statuses…</source>
        <translation>亮灯与状态设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Send Workbooks to the &amp;Units…</source>
        <translation>向各单位发送填报表(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Import Returned Workbooks…</source>
        <translation>导入报回的填报表(&amp;I)…</translation>
    </message>
    <message>
        <source>Print the Round&apos;s &amp;Progress Report…</source>
        <translation>打印本期进展情况汇总表(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the Selected Unit&apos;s Progress &amp;Report…</source>
        <translation>打印所选单位进展情况表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Consistency Checks</source>
        <translation>一致性检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export the Findings…</source>
        <translation>导出检查结果(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print the Findings…</source>
        <translation>打印检查结果(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Read the Indicators Again from the Bodies</source>
        <translation>从任务内容重新读取指标(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;About Task Matrix</source>
        <translation>关于任务矩阵(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ChecksController</name>
    <message>
        <source>Export the Findings</source>
        <translation>导出检查结果</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Use “{name}” in task {number}</source>
        <translation>在任务 {number} 中使用“{name}”</translation>
    </message>
</context>
<context>
    <name>ChecksDock</name>
    <message>
        <source>Checks</source>
        <translation>一致性检查</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the findings shown as a CSV file</source>
        <translation>将显示的问题保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the findings shown</source>
        <translation>打印显示的问题</translation>
    </message>
    <message>
        <source>Use “{name}” for “{unit}” in task {number}</source>
        <extracomment>Called with a finding and a registered name to put in place of its unit (set by the controller).</extracomment>
        <translation>在任务 {number} 中用“{name}”替换“{unit}”</translation>
    </message>
    <message>
        <source>{count} findings</source>
        <translation>共 {count} 项问题</translation>
    </message>
    <message>
        <source>{shown} of {count} findings</source>
        <translation>显示 {shown} / 共 {count} 项问题</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>未发现问题</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>CitiesDock</name>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>through {group}</source>
        <translation>经{group}</translation>
    </message>
    <message>
        <source>Named directly</source>
        <translation>直接列明</translation>
    </message>
    <message>
        <source>Through a city group</source>
        <translation>经城市组</translation>
    </message>
</context>
<context>
    <name>CityTableModel</name>
    <message>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>Via group</source>
        <translation>经城市组</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>No.</source>
        <extracomment>The translation context of the fields&apos; titles (the table&apos;s column headers). How a value is typed: ``number``, ``section``, ``choice`` (text with suggestions), ``multiline`` (``lines`` high in the editor), ``line``, ``units``, ``none`` (read-only). The task fields in the table&apos;s order (``cities`` after the units, from them).</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体内容</translation>
    </message>
    <message>
        <source>Lead units</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Participating units</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Light</source>
        <extracomment>The report fields of the round shown (``round:NAME``: an attribute of the report).</extracomment>
        <translation>亮灯</translation>
    </message>
    <message>
        <source>Reported status</source>
        <translation>报送状态</translation>
    </message>
    <message>
        <source>Done (%)</source>
        <translation>完成进度(%)</translation>
    </message>
    <message>
        <source>Progress reported</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步计划</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>填报日期</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Edit “{field}” of task {number}</source>
        <translation>修改第 {number} 项任务的“{field}”</translation>
    </message>
    <message>
        <source>Delete task(s) {numbers}</source>
        <translation>删除任务 {numbers}</translation>
    </message>
    <message>
        <source>Move task {number}</source>
        <translation>移动第 {number} 项任务</translation>
    </message>
    <message>
        <source>Renumber tasks</source>
        <translation>重新编号</translation>
    </message>
    <message>
        <source>Add section “{title}”</source>
        <translation>添加领域“{title}”</translation>
    </message>
    <message>
        <source>Rename section to “{title}”</source>
        <translation>领域改名为“{title}”</translation>
    </message>
    <message>
        <source>Edit the plan&apos;s title and preamble</source>
        <translation>修改计划标题和前言</translation>
    </message>
    <message>
        <source>Edit “{field}” of task {number} in {round}</source>
        <translation>编辑任务 {number} 在{round}的“{field}”</translation>
    </message>
    <message>
        <source>Correct the deadline of task {number}</source>
        <translation>更正任务 {number} 的完成时限</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>finish by a date</source>
        <translation>在某日前完成</translation>
    </message>
    <message>
        <source>between two dates</source>
        <translation>在两个日期之间</translation>
    </message>
    <message>
        <source>every year (or quarter…)</source>
        <translation>每年（或每季度、每月）</translation>
    </message>
    <message>
        <source>ongoing, no end</source>
        <translation>持续推进，无截止</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>Correct the Deadline</source>
        <translation>更正完成时限</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>Delete Tasks</source>
        <extracomment>Actions that need a selected task. The widget dialogs open over.</extracomment>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Delete {count} task(s)? You can undo this.</source>
        <translation>删除 {count} 项任务？可以撤销。</translation>
    </message>
    <message>
        <source>Add Section</source>
        <translation>添加领域</translation>
    </message>
    <message>
        <source>Title of the new section:</source>
        <translation>新领域的名称：</translation>
    </message>
    <message>
        <source>Rename Section</source>
        <translation>重命名领域</translation>
    </message>
    <message>
        <source>Section:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>New title for {label}:</source>
        <translation>“{label}”的新名称：</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>不予接收</translation>
    </message>
    <message>
        <source>names no task of the plan</source>
        <extracomment>What a returned row is, once compared with the plan. The units a round&apos;s workbooks go to: every unit that leads or takes part, in registry order. task id -&gt; (role, digest of the report as sent) The reason as a template (translated in the ``Feedback`` context) and its values. Whether the user accepts it (new and changed rows start accepted, conflicts do not).</extracomment>
        <translation>对应的任务不在计划中</translation>
    </message>
    <message>
        <source>the task is no longer the unit&apos;s</source>
        <translation>该任务已不再由该单位承担</translation>
    </message>
    <message>
        <source>the task is also on row {other}</source>
        <translation>该任务在第 {other} 行也出现了</translation>
    </message>
    <message>
        <source>the office changed this report after sending</source>
        <translation>发出后办公室已修改过这条进展</translation>
    </message>
    <message>
        <source>status “{status}” is not one of {statuses}</source>
        <translation>状态“{status}”不在可选范围（{statuses}）内</translation>
    </message>
    <message>
        <source>percent “{value}” is not a number from 0 to 100</source>
        <translation>完成比例“{value}”不是 0 至 100 的数字</translation>
    </message>
    <message>
        <source>date “{value}” is not a date (YYYY-MM-DD)</source>
        <translation>日期“{value}”不是有效日期（如 2019-04-08）</translation>
    </message>
</context>
<context>
    <name>FeedbackController</name>
    <message>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <source>The plan has no reporting round yet: add one first (Progress → New Reporting Round).</source>
        <translation>计划还没有报送期次：请先新建一个（进展 → 新建报送期次）。</translation>
    </message>
    <message>
        <source>Writing the units&apos; workbooks…</source>
        <translation>正在生成各单位填报表…</translation>
    </message>
    <message>
        <source>Sending cancelled; the workbooks written so far are in {folder}.</source>
        <translation>已取消发送；已生成的填报表在 {folder}。</translation>
    </message>
    <message>
        <source>Cannot Write the Workbooks</source>
        <translation>无法生成填报表</translation>
    </message>
    <message>
        <source>Wrote {count} workbook(s) for {round} into {folder}</source>
        <translation>已将{round}的 {count} 份填报表写入 {folder}</translation>
    </message>
    <message>
        <source>Import Returned Workbooks</source>
        <translation>导入报回的填报表</translation>
    </message>
    <message>
        <source>Returned workbooks (*.xlsx *.xlsm *.et)</source>
        <translation>报回的填报表 (*.xlsx *.xlsm *.et)</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>Import {count} report(s) from {files} file(s)</source>
        <translation>从 {files} 个文件导入 {count} 条进展</translation>
    </message>
    <message>
        <source>Imported {count} report(s) from {files} file(s)</source>
        <translation>已从 {files} 个文件导入 {count} 条进展</translation>
    </message>
    <message>
        <source>Export Units Not Reported</source>
        <translation>导出未报送单位</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Unsaved Changes</source>
        <extracomment>Formats the app saves to in place; anything else is saved as a new .xlsx.</extracomment>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>“{name}” has unsaved changes. Save them first?</source>
        <translation>“{name}”有尚未保存的修改，是否先保存？</translation>
    </message>
    <message>
        <source>Plans ({patterns})</source>
        <translation>计划文件 ({patterns})</translation>
    </message>
    <message>
        <source>Excel and WPS workbooks (*.xlsx *.xlsm *.xls *.et *.ett *.ods *.xlsb)</source>
        <translation>Excel 和 WPS 表格 (*.xlsx *.xlsm *.xls *.et *.ett *.ods *.xlsb)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Plan text (*.txt)</source>
        <translation>计划文本 (*.txt)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Task Matrix JSON (*.json)</source>
        <translation>Task Matrix JSON (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opening cancelled; nothing changed.</source>
        <translation>已取消打开，未作任何更改。</translation>
    </message>
    <message>
        <source>Cannot Open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>{path}: unexpected error: {error}</source>
        <translation>{path}：意外错误：{error}</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>This plan was not opened from a file in this session.</source>
        <translation>本次运行中，此计划不是从文件打开的。</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>{path} was changed by another program since it was opened or saved here. Overwriting it loses those changes.</source>
        <translation>{path} 在本程序打开或保存之后已被其他程序修改。覆盖保存将丢失那些修改。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>计划另存为</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;JSON (*.json)</source>
        <translation>Excel 工作簿 (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Task matrix</source>
        <translation>重点任务分工表</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <source>Saving cancelled; the file was not changed.</source>
        <translation>已取消保存，文件未被改动。</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Your changes are still here, unsaved. Save under another name?</source>
        <translation>您的修改仍在，尚未保存。是否另存为其他文件？</translation>
    </message>
    <message>
        <source>{path}: unexpected error: {error}; the previous file is unchanged.</source>
        <translation>{path}：意外错误：{error}；原文件未被改动。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Saved with Changes</source>
        <translation>已保存（有改动）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Taking part</source>
        <translation>参与</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Search all fields</source>
        <extracomment>Above this many tasks, typing waits for a pause before filtering.</extracomment>
        <translation>搜索全部字段</translation>
    </message>
    <message>
        <source>Search every field; with several words, a task must contain all of them</source>
        <translation>在全部字段中搜索；输入多个词时，任务须同时包含所有词</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>牵头或参与</translation>
    </message>
    <message>
        <source>All lights</source>
        <translation>全部亮灯</translation>
    </message>
    <message>
        <source>Role of the unit</source>
        <translation>单位角色</translation>
    </message>
    <message>
        <source>City (directly or through a group)</source>
        <translation>地市（直接列明或经城市组）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>期次：</translation>
    </message>
    <message>
        <source>Reporting round shown (its reports and lights)</source>
        <translation>显示的报送期次（其报送内容与亮灯）</translation>
    </message>
    <message>
        <source>Light in the round shown</source>
        <translation>所显示期次的亮灯</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>(no section)</source>
        <translation>（无领域）</translation>
    </message>
    <message>
        <source>No round</source>
        <translation>不显示期次</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部地市</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>{visible} / {total} tasks</source>
        <translation>{visible} / {total} 项任务</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import Report: {name}</source>
        <extracomment>Warnings listed under one kind at most (the count says how many there are).</extracomment>
        <translation>导入报告：{name}</translation>
    </message>
    <message>
        <source>What the reader noted</source>
        <translation>读取时注意到的情况</translation>
    </message>
    <message>
        <source>The reader was sure of everything.</source>
        <translation>读取时没有任何存疑之处。</translation>
    </message>
</context>
<context>
    <name>IndicatorsController</name>
    <message>
        <source>Indicators</source>
        <extracomment>Asks the user a yes/no question (a message box; tests answer it).</extracomment>
        <translation>指标</translation>
    </message>
    <message>
        <source>Read the indicators again from the task bodies? Your edits to them and the {count} actual values entered go (Edit → Undo brings them back).</source>
        <translation>从任务内容重新读取指标？对指标的修改和已填写的 {count} 个实际值将被放弃（可用“编辑 → 撤销”恢复）。</translation>
    </message>
</context>
<context>
    <name>IndicatorsDock</name>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected indicators</source>
        <translation>删除选中的指标</translation>
    </message>
    <message>
        <source>Read Again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Read the indicators again from the task bodies (your edits go)</source>
        <translation>从任务内容重新读取指标（将放弃已做的修改）</translation>
    </message>
    <message>
        <source>{count} indicators, as you kept them</source>
        <extracomment>Set by the controller: read the indicators again, asking first.</extracomment>
        <translation>共 {count} 项指标（已保存的修改）</translation>
    </message>
    <message>
        <source>{count} indicators read from the task bodies (an edit keeps them)</source>
        <translation>从任务内容读出 {count} 项指标（修改后即保存）</translation>
    </message>
</context>
<context>
    <name>IndicatorsModel</name>
    <message>
        <source>Actual ({round})</source>
        <translation>实际值（{round}）</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>“{text}” is not a value for “{field}” (for example {hint})</source>
        <translation>“{text}”不能作为“{field}”的值（例如 {hint}）</translation>
    </message>
    <message>
        <source>Edit “{field}” of an indicator of task {number}</source>
        <translation>修改任务 {number} 指标的“{field}”</translation>
    </message>
    <message>
        <source>Remove {count} indicators</source>
        <translation>删除 {count} 项指标</translation>
    </message>
    <message>
        <source>Read the indicators again from the bodies</source>
        <translation>从任务内容重新读取指标</translation>
    </message>
</context>
<context>
    <name>Lights</name>
    <message>
        <source>Red: overdue or far behind</source>
        <extracomment>The lights from the worst to the best (a task with several reports shows its worst). A light as printed: a symbol that survives black and white, and a word. How reports and statistics count the lights, in the order they are shown. What a light means, for the screen (translated in the ``Lights`` context).</extracomment>
        <translation>红灯：逾期或严重滞后</translation>
    </message>
    <message>
        <source>Yellow: due soon or behind</source>
        <translation>黄灯：临近时限或滞后</translation>
    </message>
    <message>
        <source>Green: on track</source>
        <translation>绿灯：正常推进</translation>
    </message>
    <message>
        <source>Blue: done</source>
        <translation>蓝灯：已完成</translation>
    </message>
    <message>
        <source>Grey: ongoing or paused</source>
        <translation>灰灯：持续推进或暂缓</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Places filled at run time: the recent files (a menu of their own) and the docks&apos; toggles. The menu bar. Every action is placed in it exactly once.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <extracomment>Characters of the plan&apos;s title shown in the window title. The language the interface runs in (``--lang`` or the setting). Autosave and crash recovery (set by the application; tests may leave it out).</extracomment>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print Assignment Sheets</source>
        <translation>打印分工清单(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>进展(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Built-in plan (not saved yet)</source>
        <translation>内置计划（尚未保存）</translation>
    </message>
    <message>
        <source>{tasks} tasks · {sections} sections · {units} units</source>
        <translation>共 {tasks} 项任务 · {sections} 个领域 · {units} 个单位</translation>
    </message>
    <message>
        <source>The interface language changes the next time Task Matrix starts.</source>
        <translation>界面语言将在下次启动任务矩阵时切换。</translation>
    </message>
    <message>
        <source>About Task Matrix</source>
        <translation>关于任务矩阵</translation>
    </message>
    <message>
        <source>&lt;b&gt;Task Matrix&lt;/b&gt;&lt;p&gt;Edit, filter, save and print a policy plan&apos;s task responsibility matrix (重点任务分工表).&lt;/p&gt;</source>
        <translation>&lt;b&gt;任务矩阵&lt;/b&gt;&lt;p&gt;编辑、筛选、保存和打印政策计划的重点任务分工表。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>NotReportedDialog</name>
    <message>
        <source>Units Not Reported: {round}</source>
        <translation>未报送单位：{round}</translation>
    </message>
    <message>
        <source>{done} of {expected} lead units have reported; {left} have not.</source>
        <translation>{expected} 家牵头单位中已报送 {done} 家，未报送 {left} 家。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tasks as lead</source>
        <translation>牵头任务</translation>
    </message>
    <message>
        <source>Tasks as participant</source>
        <translation>参与任务</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print Reminder…</source>
        <translation>打印催报通知…</translation>
    </message>
</context>
<context>
    <name>PageSetupDialog</name>
    <message>
        <source>Page Setup</source>
        <translation>页面设置</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Left margin (binding)</source>
        <translation>左边距（装订）</translation>
    </message>
    <message>
        <source>Top margin</source>
        <translation>上边距</translation>
    </message>
    <message>
        <source>Right margin</source>
        <translation>右边距</translation>
    </message>
    <message>
        <source>Bottom margin</source>
        <translation>下边距</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>Built-in plan</source>
        <extracomment>The reason the last refused edit was refused (for dialogs that show it themselves). The file&apos;s stamp when opened or last saved (to notice changes made by others). Not a user file (the embedded plan): saving asks for a name. The import report of the file the plan was read from (None: not read from a file).</extracomment>
        <translation>内置计划</translation>
    </message>
    <message>
        <source>Restore recovered work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>That value cannot be used here.</source>
        <translation>此处不能使用该值。</translation>
    </message>
    <message>
        <source>Task number {number} is taken.</source>
        <translation>任务序号 {number} 已被占用。</translation>
    </message>
    <message>
        <source>There is no such section.</source>
        <translation>没有这个领域。</translation>
    </message>
    <message>
        <source>The task is no longer in the plan.</source>
        <translation>该任务已不在计划中。</translation>
    </message>
    <message>
        <source>Choose a round first.</source>
        <translation>请先选择期次。</translation>
    </message>
    <message>
        <source>A round needs a name of its own (“{name}” is taken or empty).</source>
        <translation>期次须有自己的名称（“{name}”已被使用或为空）。</translation>
    </message>
    <message>
        <source>Add round {name}</source>
        <translation>添加期次 {name}</translation>
    </message>
    <message>
        <source>Edit round {name}</source>
        <translation>编辑期次 {name}</translation>
    </message>
    <message>
        <source>Delete round {name}</source>
        <translation>删除期次 {name}</translation>
    </message>
    <message>
        <source>Keep at least one status.</source>
        <translation>至少保留一个状态。</translation>
    </message>
    <message>
        <source>Edit the statuses</source>
        <translation>编辑状态列表</translation>
    </message>
    <message>
        <source>Add task {number}</source>
        <translation>新建第 {number} 项任务</translation>
    </message>
    <message>
        <source>Duplicate tasks</source>
        <translation>复制任务</translation>
    </message>
    <message>
        <source>Unit {name} exists already; merge the two instead.</source>
        <translation>单位“{name}”已存在，请改用合并。</translation>
    </message>
    <message>
        <source>Rename unit {old} to {new}</source>
        <translation>单位“{old}”改名为“{new}”</translation>
    </message>
    <message>
        <source>Merge unit {source} into {target}</source>
        <translation>将单位“{source}”合并到“{target}”</translation>
    </message>
    <message>
        <source>Edit unit {name}</source>
        <translation>修改单位“{name}”</translation>
    </message>
</context>
<context>
    <name>PlanTextDialog</name>
    <message>
        <source>Plan Title and Preamble</source>
        <translation>计划标题和前言</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Preamble</source>
        <translation>前言</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Choose a unit first (in the Units list or the filter bar).</source>
        <extracomment>The widget dialogs open over.</extracomment>
        <translation>请先选择一个单位（在单位列表或筛选栏中）。</translation>
    </message>
    <message>
        <source>Choose a city first (in the Cities list or the filter bar).</source>
        <translation>请先选择一个地市（在地市列表或筛选栏中）。</translation>
    </message>
    <message>
        <source>Choose a reporting round first (in the filter bar).</source>
        <translation>请先在筛选栏选择报送期次。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No Chinese Font</source>
        <translation>没有中文字体</translation>
    </message>
    <message>
        <source>No Chinese font is installed, so the Chinese text would print as boxes. Install one (for example SimSun, FangSong, Noto Sans CJK SC or WenQuanYi Micro Hei) and try again.</source>
        <translation>系统中没有中文字体，打印出来的中文会显示为方框。请安装一种中文字体（如宋体、仿宋、Noto Sans CJK SC 或文泉驿微米黑）后再试。</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was printed.</source>
        <translation>打印已取消，未打印任何内容。</translation>
    </message>
    <message>
        <source>Preparing {count} sheet(s)…</source>
        <translation>正在准备 {count} 份清单…</translation>
    </message>
    <message>
        <source>Assignment sheets</source>
        <translation>任务分工清单</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>正常推进</translation>
    </message>
    <message>
        <source>due soon or behind</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>overdue or far behind</source>
        <translation>逾期或严重滞后</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>持续推进</translation>
    </message>
    <message>
        <source>read as: by {end}</source>
        <translation>解析为：{end} 前完成</translation>
    </message>
    <message>
        <source>read as: {start} to {end}</source>
        <translation>解析为：{start} 至 {end}</translation>
    </message>
    <message>
        <source>read as: recurring (every year, quarter or month)</source>
        <translation>解析为：周期性（每年、每季度或每月）</translation>
    </message>
    <message>
        <source>read as: ongoing, no end</source>
        <translation>解析为：持续推进，无截止</translation>
    </message>
    <message>
        <source>not understood: correct it (Progress ▸ Correct the Deadline)</source>
        <translation>未能识别：请更正（进展 ▸ 更正完成时限）</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估计）</translation>
    </message>
    <message>
        <source>{round} · {count} tasks shown: </source>
        <translation>{round} · 显示 {count} 项任务：</translation>
    </message>
</context>
<context>
    <name>ProgressSettingsDialog</name>
    <message>
        <source>Lights and Statuses</source>
        <translation>亮灯与状态设置</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Red when behind the expected progress by more than</source>
        <translation>落后序时进度超过以下值时亮红灯</translation>
    </message>
    <message>
        <source>Yellow when behind by more than</source>
        <translation>落后超过以下值时亮黄灯</translation>
    </message>
    <message>
        <source>Yellow when the deadline is within</source>
        <translation>距完成时限不足以下天数时亮黄灯</translation>
    </message>
    <message>
        <source>Statuses (separated by 、)</source>
        <translation>状态（用“、”分隔）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Texts of Qt&apos;s own dialogs that Qt&apos;s Chinese catalogue (qtbase_zh_CN) leaves in English; our catalogue carries them (Qt looks there when its own has none).</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <extracomment>How often the GUI thread looks at a running job (its progress, whether it finished). How often the GUI-thread variant lets the window paint and take a click on Cancel.</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover Unsaved Work</source>
        <extracomment>Damaged copies found by :meth:`orphans`, renamed to ``….damaged`` (kept, not offered again).</extracomment>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Task Matrix did not close normally last time. A recovery copy of unsaved work was found:</source>
        <translation>任务矩阵上次没有正常退出。找到一份未保存工作的恢复副本：</translation>
    </message>
    <message>
        <source>the built-in plan (never saved)</source>
        <translation>内置计划（从未保存）</translation>
    </message>
    <message>
        <source>File: {source}
Saved: {time}
Tasks: {count}

Restore it?</source>
        <translation>文件：{source}
保存时间：{time}
任务数：{count}

是否恢复？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>The recovery copy is damaged and cannot be restored ({reason}). It was kept as {path}.</source>
        <translation>恢复副本已损坏，无法恢复（{reason}）。它已保留为 {path}。</translation>
    </message>
    <message>
        <source>A damaged recovery copy was skipped and kept as {path}</source>
        <translation>已跳过一个损坏的恢复副本，并保留为 {path}</translation>
    </message>
    <message>
        <source>Autosave is off: its folder {folder} cannot be created ({reason})</source>
        <translation>自动保存已关闭：无法创建其文件夹 {folder}（{reason}）</translation>
    </message>
    <message>
        <source>Autosave off</source>
        <translation>自动保存已关闭</translation>
    </message>
</context>
<context>
    <name>ReturnsDialog</name>
    <message>
        <source>Import Returned Workbooks</source>
        <translation>导入报回的填报表</translation>
    </message>
    <message>
        <source>{files} file(s): {new} new, {changed} changed, {unchanged} unchanged, {conflict} in conflict, {rejected} rejected; {refused} file(s) refused. Tick what to take into the plan.</source>
        <translation>{files} 个文件：新增 {new} 条，更新 {changed} 条，未变 {unchanged} 条，冲突 {conflict} 条，不予接收 {rejected} 条；拒收文件 {refused} 个。请勾选要导入计划的内容。</translation>
    </message>
    <message>
        <source>File / row</source>
        <translation>文件 / 行</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报送内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {conflict} conflicts, {rejected} rejected</source>
        <translation>新增 {new}，更新 {changed}，冲突 {conflict}，不予接收 {rejected}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Tick All (conflicts too)</source>
        <translation>全部勾选（含冲突）</translation>
    </message>
    <message>
        <source>Import Ticked</source>
        <translation>导入所勾选的内容</translation>
    </message>
</context>
<context>
    <name>RoundController</name>
    <message>
        <source>New Reporting Round</source>
        <translation>新建报送期次</translation>
    </message>
    <message>
        <source>Edit the Round</source>
        <translation>编辑期次</translation>
    </message>
    <message>
        <source>Delete the Round</source>
        <translation>删除期次</translation>
    </message>
    <message>
        <source>Delete round {name} and every report in it? You can undo this.</source>
        <translation>删除期次 {name} 及其全部报送内容？可以撤销。</translation>
    </message>
    <message>
        <source>Correct the Deadline</source>
        <translation>更正完成时限</translation>
    </message>
    <message>
        <source>Select a task in the table first.</source>
        <translation>请先在表格中选择一项任务。</translation>
    </message>
    <message>
        <source>Reporting Rounds</source>
        <translation>报送期次</translation>
    </message>
    <message>
        <source>Add a reporting round first (Progress ▸ New Reporting Round).</source>
        <translation>请先添加报送期次（进展 ▸ 新建报送期次）。</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>for example 2019年第一季度 or 2019年6月</source>
        <translation>例如 2019年第一季度 或 2019年6月</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>统计期自</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>统计期至</translation>
    </message>
    <message>
        <source>Reports due</source>
        <translation>报送截止</translation>
    </message>
    <message>
        <source>A new round starts from the last round&apos;s reports as a draft.</source>
        <translation>新期次以上一期的报送内容为草稿，上一期内容保持不变。</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send Round {round} to the Units</source>
        <translation>向各单位发送{round}填报表</translation>
    </message>
    <message>
        <source>One workbook per unit, named “{round}-unit.xlsx”, with the cover list 报送说明.xlsx and a notice per unit (报送通知.pdf).</source>
        <translation>每个单位一份填报表，文件名为“{round}-单位.xlsx”，另附报送说明.xlsx 和各单位的报送通知（报送通知.pdf）。</translation>
    </message>
    <message>
        <source>{unit}  (lead {lead}, part {part})</source>
        <translation>{unit}（牵头 {lead} 项，参与 {part} 项）</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder for the Workbooks</source>
        <translation>填报表的存放文件夹</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Units by Section</source>
        <translation>单位分板块</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Round by Unit</source>
        <translation>本期分单位</translation>
    </message>
    <message>
        <source>Round by Section</source>
        <translation>本期分板块</translation>
    </message>
</context>
<context>
    <name>StatsController</name>
    <message>
        <source>{tasks} tasks</source>
        <translation>共 {tasks} 项任务</translation>
    </message>
    <message>
        <source>round {round}, lights as of {day}</source>
        <translation>期次 {round}，亮灯截至 {day}</translation>
    </message>
    <message>
        <source>Export the Statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PNG picture (*.png)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>TaskDelegate</name>
    <message>
        <source>(no section)</source>
        <translation>（无领域）</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source>Select a task in the table to edit it here.</source>
        <translation>在表格中选择一项任务，即可在此编辑。</translation>
    </message>
    <message>
        <source>Task Details</source>
        <translation>任务详情</translation>
    </message>
    <message>
        <source>{round}: the report of {unit}</source>
        <extracomment>One widget per declared field, made by how the field is typed.</extracomment>
        <translation>{round}：{unit}的报送</translation>
    </message>
    <message>
        <source>the task</source>
        <translation>本任务</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(no section)</source>
        <translation>（无领域）</translation>
    </message>
</context>
<context>
    <name>UnitListEdit</name>
    <message>
        <source>Type a unit and press Enter</source>
        <translation>输入单位后按回车</translation>
    </message>
    <message>
        <source>Add the typed unit</source>
        <translation>添加输入的单位</translation>
    </message>
    <message>
        <source>Remove the selected unit</source>
        <translation>移除所选单位</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>UnitListModel</name>
    <message>
        <source>{name}: not in the unit registry</source>
        <translation>{name}：不在单位名录中</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>Unregistered units</source>
        <translation>未登记单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>参与</translation>
    </message>
    <message>
        <source>Not in the unit registry</source>
        <translation>不在单位名录中</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Manage Units</source>
        <translation>管理单位</translation>
    </message>
    <message>
        <source>Aliases separated by 、</source>
        <translation>别名，以“、”分隔</translation>
    </message>
    <message>
        <source>Rename Everywhere</source>
        <translation>全局改名</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Save Category and Aliases</source>
        <translation>保存类别和别名</translation>
    </message>
    <message>
        <source>Selected unit</source>
        <translation>所选单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>This unit is not registered: choose a category and save to register it.</source>
        <translation>该单位尚未登记：选择类别并保存即可登记。</translation>
    </message>
    <message>
        <source>Merge Units</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <source>Merge {name} into (it becomes an alias of the unit you choose):</source>
        <translation>将“{name}”合并到（它将成为所选单位的别名）：</translation>
    </message>
</context>
<context>
    <name>UnitsDock</name>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Taking part</source>
        <translation>参与</translation>
    </message>
</context>
<context>
    <name>_TaskListDock</name>
    <message>
        <source>Choose one above to see its tasks.</source>
        <translation>在上方选择一项，查看其任务。</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>No lead</source>
        <extracomment>Each kind&apos;s name as shown (translated in the window through the &quot;checks&quot; context).</extracomment>
        <translation>无牵头单位</translation>
    </message>
    <message>
        <source>Joint leads</source>
        <translation>联合牵头</translation>
    </message>
    <message>
        <source>Unit not in the registry</source>
        <translation>单位未登记</translation>
    </message>
    <message>
        <source>Lead and participant</source>
        <translation>既牵头又参与</translation>
    </message>
    <message>
        <source>Duplicate number</source>
        <translation>序号重复</translation>
    </message>
    <message>
        <source>Missing number</source>
        <translation>序号缺失</translation>
    </message>
    <message>
        <source>Empty title</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>Empty body</source>
        <translation>内容为空</translation>
    </message>
    <message>
        <source>City named, not responsible</source>
        <translation>提及城市但未列为责任单位</translation>
    </message>
    <message>
        <source>Deadline not understood</source>
        <translation>完成时限无法识别</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>未报送进展</translation>
    </message>
    <message>
        <source>no lead</source>
        <extracomment>The message templates (English; ``{name}`` fields filled from the finding&apos;s params).</extracomment>
        <translation>没有牵头单位</translation>
    </message>
    <message>
        <source>joint leads: {units}</source>
        <translation>联合牵头：{units}</translation>
    </message>
    <message>
        <source>{unit} is not in the registry</source>
        <translation>{unit} 不在单位名录中</translation>
    </message>
    <message>
        <source>{unit} is not in the registry (did you mean {near}?)</source>
        <translation>{unit} 不在单位名录中（是否应为 {near}？）</translation>
    </message>
    <message>
        <source>{unit} is both a lead and a participant</source>
        <translation>{unit} 既是牵头单位又是参与单位</translation>
    </message>
    <message>
        <source>number {number} is used by {count} tasks</source>
        <translation>序号 {number} 被 {count} 项任务使用</translation>
    </message>
    <message>
        <source>number {number} is missing (between {before} and {after})</source>
        <translation>缺少序号 {number}（在 {before} 与 {after} 之间）</translation>
    </message>
    <message>
        <source>and {count} more numbers are missing</source>
        <translation>另有 {count} 个序号缺失</translation>
    </message>
    <message>
        <source>empty title</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>empty body</source>
        <translation>具体内容为空</translation>
    </message>
    <message>
        <source>the text names {city}, which is not responsible</source>
        <translation>内容提及{city}，但其未列为责任单位</translation>
    </message>
    <message>
        <source>deadline “{text}” is not understood</source>
        <translation>无法识别完成时限“{text}”</translation>
    </message>
    <message>
        <source>no report in {round}</source>
        <translation>{round}未报送进展</translation>
    </message>
</context>
<context>
    <name>io</name>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>line {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>…… 另有 {count} 处</translation>
    </message>
    <message>
        <source>units not in the registry, kept as written</source>
        <translation>单位库中没有的单位（按原文保留）</translation>
    </message>
    <message>
        <source>numbered paragraphs without units</source>
        <translation>未写明责任单位的编号段落</translation>
    </message>
    <message>
        <source>tasks without a lead unit</source>
        <translation>没有牵头单位的任务</translation>
    </message>
    <message>
        <source>numbered items without units, read as framing text (not tasks)</source>
        <translation>未写明单位的编号条目，视为说明性文字（不作为任务）</translation>
    </message>
    <message>
        <source>jumps or restarts in the numbering</source>
        <translation>编号跳号或重新编号</translation>
    </message>
    <message>
        <source>responsibility lists not fully understood</source>
        <translation>未能完全识别的责任单位列表</translation>
    </message>
    <message>
        <source>text outside any task, kept at the end of the preamble</source>
        <translation>任务以外的文字，已保留在前言末尾</translation>
    </message>
    <message>
        <source>repeated section numbers, renumbered</source>
        <translation>重复的部分编号，已重新编号</translation>
    </message>
    <message>
        <source>page numbers and running headers removed</source>
        <translation>已删除页码和页眉页脚</translation>
    </message>
    <message>
        <source>control characters removed</source>
        <translation>已删除控制字符</translation>
    </message>
    <message>
        <source>tasks without a title</source>
        <translation>没有标题的任务</translation>
    </message>
    <message>
        <source>tasks without a number, numbered</source>
        <translation>没有序号的任务，已编号</translation>
    </message>
    <message>
        <source>task numbers used twice, the later task renumbered</source>
        <translation>重复的任务序号（后出现的任务已重新编号）</translation>
    </message>
    <message>
        <source>tasks put in section order</source>
        <translation>已按部分顺序排列任务</translation>
    </message>
    <message>
        <source>unknown marks in the grid, read as taking part</source>
        <translation>矩阵中无法识别的标记，按参与处理</translation>
    </message>
    <message>
        <source>{unit} (tasks {tasks})</source>
        <translation>{unit}（任务 {tasks}）</translation>
    </message>
    <message>
        <source>task {number}</source>
        <translation>任务 {number}</translation>
    </message>
    <message>
        <source>{marker}{title}</source>
        <translation>{marker}{title}</translation>
    </message>
    <message>
        <source>task {number}: {name}</source>
        <translation>任务 {number}：{name}</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>→ {number}</source>
        <translation>→ {number}</translation>
    </message>
    <message>
        <source>{number} → {new}</source>
        <translation>{number} → {new}</translation>
    </message>
    <message>
        <source>this is the plan being read: choose another file for the output</source>
        <translation>这是正在读取的计划文件：请为输出另选文件</translation>
    </message>
    <message>
        <source>cells of the indicator sheet “{sheet}” that do not read were left empty ({cells})</source>
        <translation>指标表“{sheet}”中无法识别的单元格已留空（{cells}）</translation>
    </message>
    <message>
        <source>{count} rows of the indicator sheet “{sheet}” name tasks the plan does not have (tasks {tasks}); they were kept</source>
        <translation>指标表“{sheet}”中有 {count} 行对应的任务不在计划中（任务 {tasks}），已保留</translation>
    </message>
    <message>
        <source>the indicator sheet “{sheet}” is missing; the indicators are read from the task bodies again</source>
        <translation>缺少指标表“{sheet}”，已从任务内容重新读取指标</translation>
    </message>
    <message>
        <source>{count} indicators name tasks the plan does not have (tasks {tasks}); they were kept</source>
        <translation>有 {count} 项指标对应的任务不在计划中（任务 {tasks}），已保留</translation>
    </message>
    <message>
        <source>“{what}” is not a number</source>
        <translation>“{what}”不是数字</translation>
    </message>
    <message>
        <source>“{what}.task” is not a task number</source>
        <translation>“{what}.task”不是任务序号</translation>
    </message>
    <message>
        <source>the PDF could not be written completely (is the disk full?); the previous file is unchanged</source>
        <translation>PDF 未能完整写入（磁盘已满？）；原文件未作改动</translation>
    </message>
    <message>
        <source>the PDF could not be written: {reason}</source>
        <translation>无法写入 PDF：{reason}</translation>
    </message>
    <message>
        <source>could not write the file: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <source>progress sheets not fully read</source>
        <translation>未能完整读取的进展表</translation>
    </message>
    <message>
        <source>statistics are written as .xlsx, .csv or .png</source>
        <translation>统计只能保存为 .xlsx、.csv 或 .png</translation>
    </message>
    <message>
        <source>a progress report is written as .xlsx, .pdf or .csv</source>
        <translation>进展报告只能保存为 .xlsx、.pdf 或 .csv</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>文件为只读</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>文件夹为只读</translation>
    </message>
    <message>
        <source>the disk is full; the previous file is unchanged</source>
        <translation>磁盘已满；原文件未被改动</translation>
    </message>
    <message>
        <source>the file is too large for this disk or account; the previous file is unchanged</source>
        <translation>文件超出此磁盘或账户允许的大小；原文件未改动</translation>
    </message>
    <message>
        <source>the file name is too long for this disk</source>
        <translation>文件名过长，此磁盘无法保存</translation>
    </message>
    <message>
        <source>no permission to write here: the file or folder is read-only or locked by another program</source>
        <translation>无权写入：文件或文件夹为只读，或被其他程序锁定</translation>
    </message>
    <message>
        <source>another save of this file is still running; try again when it has finished</source>
        <translation>另一次对此文件的保存尚未完成，请稍后再试</translation>
    </message>
    <message>
        <source>not a readable CSV file: {reason}</source>
        <translation>无法读取的 CSV 文件：{reason}</translation>
    </message>
    <message>
        <source>a CSV file written by Task Matrix: its 涉及地市 column is worked out again from the units</source>
        <translation>由 Task Matrix 导出的 CSV 文件：“涉及地市”一列按责任单位重新计算</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>该文档</translation>
    </message>
    <message>
        <source>{count} numbers that Word generates (automatic numbering) were read</source>
        <translation>已读取 Word 自动编号生成的 {count} 个编号</translation>
    </message>
    <message>
        <source>not a Word document: the package has no document part</source>
        <translation>不是 Word 文档：文件包中没有正文部分</translation>
    </message>
    <message>
        <source>the document is damaged: {reason}</source>
        <translation>文档已损坏：{reason}</translation>
    </message>
    <message>
        <source>the document has text and a task table: the tasks were read from the table</source>
        <translation>文档中既有正文又有任务表：任务从表格中读取</translation>
    </message>
    <message>
        <source>{count} tables with the same header were read as one</source>
        <translation>{count} 个表头相同的表格已合并读取</translation>
    </message>
    <message>
        <source>unreadable encoding: the text is neither UTF-8 nor GB18030/GBK, Big5 or Shift-JIS (save it as UTF-8 and open it again)</source>
        <translation>无法识别编码：文本既不是 UTF-8，也不是 GB18030/GBK、Big5 或 Shift-JIS（请另存为 UTF-8 后再打开）</translation>
    </message>
    <message>
        <source>the progress sheet “{sheet}” of round {name} is missing; the round has no reports</source>
        <translation>期次 {name} 的进展表“{sheet}”不存在，该期次没有报送内容</translation>
    </message>
    <message>
        <source>{count} rows of the progress sheet “{sheet}” name no task of the plan; they were left out</source>
        <translation>进展表“{sheet}”中有 {count} 行对应的任务不在计划中，已略去</translation>
    </message>
    <message>
        <source>refused: sheet “{sheet}” has values down to row {last}, so reading it would take {cells} cells — far past any task table; delete what is there (Ctrl+End in Excel or WPS goes to it) and save again</source>
        <translation>已拒绝：工作表“{sheet}”的内容一直延伸到第 {last} 行，读取它需要 {cells} 个单元格，远超任何任务表；请删除该处内容（在 Excel 或 WPS 中按 Ctrl+End 可定位）后重新保存</translation>
    </message>
    <message>
        <source>sheet “{sheet}” is damaged: its data cannot be unpacked</source>
        <translation>工作表“{sheet}”已损坏：其数据无法解压</translation>
    </message>
    <message>
        <source>refused: sheet “{sheet}” has a value as far out as cell {cell}, so reading it would take {cells} cells — far past any task table; delete what is there (Ctrl+End in Excel or WPS goes to it) and save again</source>
        <translation>已拒绝：工作表“{sheet}”在远处的单元格 {cell} 中有内容，读取它需要 {cells} 个单元格，远超任何任务表；请删除该处内容（在 Excel 或 WPS 中按 Ctrl+End 可定位）后重新保存</translation>
    </message>
    <message>
        <source>a title, section, column, unit name or indicator of {length} characters is longer than an Excel cell holds (32,767): “{start}…”</source>
        <translation>标题、领域、列名、单位名称或指标长达 {length} 个字符，超过 Excel 单元格的容量（32,767）：“{start}…”</translation>
    </message>
    <message>
        <source>its header row was changed: the columns {headers} are needed</source>
        <translation>表头行已被改动：需要 {headers} 这些列</translation>
    </message>
    <message>
        <source>is not a progress workbook sent by Task Matrix (its hidden identity sheet is missing)</source>
        <translation>不是 Task Matrix 发出的进展填报表（缺少隐藏的标识工作表）</translation>
    </message>
    <message>
        <source>its identity was edited: the check value does not match; the file is not trusted</source>
        <translation>文件标识被改动：校验值不符，不予采信</translation>
    </message>
    <message>
        <source>has no sheet “{sheet}”</source>
        <translation>没有工作表“{sheet}”</translation>
    </message>
    <message>
        <source>is not a progress workbook sent by Task Matrix (format “{found}”)</source>
        <translation>不是 Task Matrix 发出的进展填报表（格式为“{found}”）</translation>
    </message>
    <message>
        <source>was sent for another plan (“{title}”), not this one</source>
        <translation>是为另一个计划（“{title}”）发出的，不是本计划</translation>
    </message>
    <message>
        <source>is the return for round “{found}”, not “{wanted}”</source>
        <translation>是“{found}”期次的填报表，不是“{wanted}”</translation>
    </message>
    <message>
        <source>is the return for round “{found}”, which the plan does not have</source>
        <translation>是“{found}”期次的填报表，本计划没有该期次</translation>
    </message>
    <message>
        <source>is the return of unit “{unit}”, which has no task in the plan</source>
        <translation>是“{unit}”的填报表，该单位在本计划中没有任务</translation>
    </message>
    <message>
        <source>its identity was edited: the hidden sheet and the document properties disagree on “{what}”; the file is not trusted</source>
        <translation>文件标识被改动：隐藏工作表与文档属性中的“{what}”不一致，不予采信</translation>
    </message>
    <message>
        <source>is a second return of unit “{unit}” for this round (the first: {first})</source>
        <translation>是“{unit}”本期的第二份填报表（第一份：{first}）</translation>
    </message>
    <message>
        <source>is not a folder</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel 97-2003 workbook</source>
        <translation>Excel 97-2003 工作簿</translation>
    </message>
    <message>
        <source>WPS spreadsheet</source>
        <translation>WPS 表格</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet</source>
        <translation>OpenDocument 电子表格</translation>
    </message>
    <message>
        <source>Excel binary workbook</source>
        <translation>Excel 二进制工作簿</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>plan text</source>
        <translation>计划文本</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Task Matrix JSON</source>
        <translation>Task Matrix JSON 文件</translation>
    </message>
    <message>
        <source>an old Word document (.doc): open it in Word or WPS and save it as .docx</source>
        <translation>旧版 Word 文档（.doc）：请用 Word 或 WPS 打开并另存为 .docx</translation>
    </message>
    <message>
        <source>a WPS Writer document (.wps): open it in WPS and save it as .docx</source>
        <translation>WPS 文字文档（.wps）：请用 WPS 打开并另存为 .docx</translation>
    </message>
    <message>
        <source>an OpenDocument text (.odt): save it as .docx</source>
        <translation>OpenDocument 文本（.odt）：请另存为 .docx</translation>
    </message>
    <message>
        <source>an RTF document: save it as .docx</source>
        <translation>RTF 文档：请另存为 .docx</translation>
    </message>
    <message>
        <source>unsupported file type “{suffix}”: open a .xlsx, .xls, .et, .ods, .docx, .pdf, .txt, .csv or .json file</source>
        <translation>不支持的文件类型“{suffix}”：请打开 .xlsx、.xls、.et、.ods、.docx、.pdf、.txt、.csv 或 .json 文件</translation>
    </message>
    <message>
        <source>an old Office file this app cannot read: save it as .xlsx or .docx</source>
        <translation>本软件无法读取的旧版 Office 文件：请另存为 .xlsx 或 .docx</translation>
    </message>
    <message>
        <source>a zip file that is no workbook or document this app reads</source>
        <translation>这是一个压缩包，但不是本软件可读取的工作簿或文档</translation>
    </message>
    <message>
        <source>this is {what}</source>
        <translation>这是{what}</translation>
    </message>
    <message>
        <source>the content is not what the name says ({kind}): the file is damaged or of another kind</source>
        <translation>文件内容与文件名（{kind}）不符：文件已损坏或属于其他类型</translation>
    </message>
    <message>
        <source>the file is password-protected (encrypted): open it in Excel, WPS or Word, remove the password, save it, and open it here again</source>
        <translation>文件设有密码（已加密）：请在 Excel、WPS 或 Word 中打开，取消密码并保存后再在此打开</translation>
    </message>
    <message>
        <source>this is a PowerPoint file, not a plan</source>
        <translation>这是 PowerPoint 文件，不是计划</translation>
    </message>
    <message>
        <source>the file is damaged or truncated (its zip directory cannot be read)</source>
        <translation>文件已损坏或不完整（无法读取其压缩目录）</translation>
    </message>
    <message>
        <source>the file is a {format}, whatever its name says; it was read as one</source>
        <translation>无论文件名如何，该文件实际是{format}，已按此读取</translation>
    </message>
    <message>
        <source>“indicators_kept” is not true or false</source>
        <translation>“indicators_kept”不是 true 或 false</translation>
    </message>
    <message>
        <source>“indicators” is not a list</source>
        <translation>“indicators”不是列表</translation>
    </message>
    <message>
        <source>“{what}.comparison” is not one of &gt;=, &lt;=, =</source>
        <translation>“{what}.comparison”不是 &gt;=、&lt;=、= 之一</translation>
    </message>
    <message>
        <source>“{what}.year” is not a year</source>
        <translation>“{what}.year”不是年份</translation>
    </message>
    <message>
        <source>“{what}.actuals” is not an object</source>
        <translation>“{what}.actuals”不是对象</translation>
    </message>
    <message>
        <source>“{what}” is {number}: numbers run from 1 to 99,999,999</source>
        <translation>“{what}”为 {number}：序号应在 1 至 99,999,999 之间</translation>
    </message>
    <message>
        <source>not a Task Matrix JSON file: its values are nested too deeply</source>
        <translation>不是 Task Matrix JSON 文件：数据嵌套层数过深</translation>
    </message>
    <message>
        <source>not a Task Matrix JSON file: the number {number} is not allowed here</source>
        <translation>不是 Task Matrix JSON 文件：此处不允许数值 {number}</translation>
    </message>
    <message>
        <source>not a Task Matrix JSON file: a text holds an unpaired surrogate (\u{code:04x}), which no file can store</source>
        <translation>不是 Task Matrix JSON 文件：文本中含有不成对的代理字符（\u{code:04x}），任何文件都无法保存</translation>
    </message>
    <message>
        <source>the PDF has no text</source>
        <translation>该 PDF 没有文字</translation>
    </message>
    <message>
        <source>the PDF&apos;s text layer was read ({pages} pages)</source>
        <translation>已读取 PDF 的文字层（{pages} 页）</translation>
    </message>
    <message>
        <source>refused: the PDF&apos;s content would inflate past {limit} MB (a PDF bomb?)</source>
        <translation>已拒绝：该 PDF 的内容解压后将超过 {limit} MB（疑似 PDF 炸弹）</translation>
    </message>
    <message>
        <source>refused: the PDF&apos;s objects are nested too deep to read (damaged or hostile)</source>
        <translation>已拒绝：该 PDF 的对象嵌套过深，无法读取（文件已损坏或有恶意）</translation>
    </message>
    <message>
        <source>this PDF is a scanned image with no text layer, so its text cannot be read: open the Word or text version of the plan, or run it through OCR</source>
        <translation>该 PDF 是扫描图像，没有文字层，无法读取其文字：请打开计划的 Word 或文本版本，或先进行文字识别（OCR）</translation>
    </message>
    <message>
        <source>the PDF&apos;s task table was read ({pages} pages)</source>
        <translation>已读取 PDF 中的任务表（{pages} 页）</translation>
    </message>
    <message>
        <source>the PDF is damaged and cannot be read</source>
        <translation>该 PDF 已损坏，无法读取</translation>
    </message>
    <message>
        <source>refused: the PDF has {count} pages; a plan has at most {limit}</source>
        <translation>已拒绝：该 PDF 有 {count} 页，计划最多 {limit} 页</translation>
    </message>
    <message>
        <source>the PDF is damaged and cannot be read: {reason}</source>
        <translation>该 PDF 已损坏，无法读取：{reason}</translation>
    </message>
    <message>
        <source>the PDF is password-protected: open it with its password, save a copy without one, and open that here</source>
        <translation>该 PDF 设有密码：请用密码打开，另存一份不带密码的副本，再在此打开</translation>
    </message>
    <message>
        <source>the PDF is encrypted in a way this app cannot read: save a copy without encryption</source>
        <translation>该 PDF 的加密方式本软件无法读取：请另存一份未加密的副本</translation>
    </message>
    <message>
        <source>“{what}” is not a round (it needs a name)</source>
        <translation>“{what}”不是期次（期次须有名称）</translation>
    </message>
    <message>
        <source>“{what}” is not an object</source>
        <translation>“{what}”不是对象</translation>
    </message>
    <message>
        <source>“{what}” is not a deadline: {reason}</source>
        <translation>“{what}”不是有效的完成时限：{reason}</translation>
    </message>
    <message>
        <source>“{what}.percent” is not a share from 0 to 100</source>
        <translation>“{what}.percent”不是 0 至 100 之间的比例</translation>
    </message>
    <message>
        <source>round “{name}” appears twice</source>
        <translation>期次“{name}”出现了两次</translation>
    </message>
    <message>
        <source>“{what}” has a date that is not YYYY-MM-DD: {value}</source>
        <translation>“{what}”中的日期不是 YYYY-MM-DD 格式：{value}</translation>
    </message>
    <message>
        <source>“{what}” names task {number}, which does not exist</source>
        <translation>“{what}”指向的任务 {number} 不存在</translation>
    </message>
    <message>
        <source>task number {number} is used twice (rows {first} and {second}); the second task was numbered {new}</source>
        <translation>任务序号 {number} 重复出现（第 {first} 行和第 {second} 行），后一项任务改编为 {new}</translation>
    </message>
    <message>
        <source>no recognisable task table: no sheet has a header row naming 序号, 重点任务 or 具体内容, and the units; header cells found: {cells}</source>
        <translation>未找到任务分工表：没有哪个工作表的表头同时含有“序号”、“重点任务”或“具体内容”以及责任单位；找到的表头单元格：{cells}</translation>
    </message>
    <message>
        <source>sheet “{sheet}”, grid layout, header in row {header_row}: {columns} and {units} unit columns</source>
        <translation>工作表“{sheet}”，矩阵布局，表头在第 {header_row} 行：{columns}，另有 {units} 个单位列</translation>
    </message>
    <message>
        <source>sheet “{sheet}”, list layout, header in row {header_row}: {columns}; extra columns: {extras}</source>
        <translation>工作表“{sheet}”，列表布局，表头在第 {header_row} 行：{columns}；附加列：{extras}</translation>
    </message>
    <message>
        <source>task number {number} is used twice (lines {first} and {second}); the second task was numbered {new}</source>
        <translation>任务序号 {number} 重复出现（第 {first} 行和第 {second} 行），后一项任务改编为 {new}</translation>
    </message>
    <message>
        <source>task number {number} is out of range (1 to 99,999,999); the task was numbered {new}</source>
        <translation>任务序号 {number} 超出范围（1 至 99,999,999），该任务已改编为 {new}</translation>
    </message>
    <message>
        <source>the merged plan is written as .json or .xlsx</source>
        <translation>合并后的计划只能保存为 .json 或 .xlsx</translation>
    </message>
    <message>
        <source>holds no returned workbooks (.xlsx)</source>
        <translation>其中没有报回的填报表（.xlsx）</translation>
    </message>
    <message>
        <source>the plan has no reporting rounds yet (add one in the app)</source>
        <translation>计划中还没有报送期次（请在程序中添加）</translation>
    </message>
    <message>
        <source>no round named “{name}”; the plan&apos;s rounds include: {names}</source>
        <translation>没有名为“{name}”的期次；计划中的期次有：{names}</translation>
    </message>
    <message>
        <source>--as-of “{text}” is not a date (YYYY-MM-DD)</source>
        <translation>--as-of“{text}”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>saving writes a new .xlsx beside this file; the file itself is not changed</source>
        <translation>保存时将在此文件旁另存一个新的 .xlsx；此文件本身不作改动</translation>
    </message>
    <message>
        <source>the workbook</source>
        <translation>该工作簿</translation>
    </message>
    <message>
        <source>the workbook is password-protected (encrypted): remove the password in Excel or WPS, save it, and open it here again</source>
        <translation>该工作簿设有密码（已加密）：请在 Excel 或 WPS 中取消密码并保存后再在此打开</translation>
    </message>
    <message>
        <source>the workbook&apos;s other sheets ({sheets}) stay in this file; they are not part of the plan</source>
        <translation>工作簿中的其他工作表（{sheets}）保留在原文件中，不属于计划</translation>
    </message>
    <message>
        <source>the OpenDocument content is damaged: {reason}</source>
        <translation>OpenDocument 内容已损坏：{reason}</translation>
    </message>
    <message>
        <source>{what} is not a zip package: the file is damaged or of another kind</source>
        <translation>{what}不是压缩包：文件已损坏或属于其他类型</translation>
    </message>
    <message>
        <source>refused: {what} has {count} parts</source>
        <translation>已拒绝：{what}有 {count} 个部件</translation>
    </message>
    <message>
        <source>refused: {what} would unpack to {size} MB (a zip bomb?); the limit is {limit} MB</source>
        <translation>已拒绝：{what}解压后将达 {size} MB（疑似压缩炸弹），上限为 {limit} MB</translation>
    </message>
    <message>
        <source>refused: {what} is compressed {ratio}:1, past the limit of {limit}:1 (a zip bomb?)</source>
        <translation>已拒绝：{what}的压缩比为 {ratio}:1，超过上限 {limit}:1（疑似压缩炸弹）</translation>
    </message>
    <message>
        <source>{what} is encrypted (password-protected): remove the password and save it again</source>
        <translation>{what}已加密（设有密码）：请取消密码后重新保存</translation>
    </message>
    <message>
        <source>sheet “{sheet}”, list layout, header in row {header_row}: {columns}</source>
        <translation>工作表“{sheet}”，列表布局，表头在第 {header_row} 行：{columns}</translation>
    </message>
    <message>
        <source>encrypted workbook, or the old .xls format: save it as .xlsx</source>
        <translation>工作簿已加密，或为旧的 .xls 格式：请另存为 .xlsx</translation>
    </message>
    <message>
        <source>the workbook is damaged: {reason}</source>
        <translation>工作簿已损坏：{reason}</translation>
    </message>
    <message>
        <source>sheet “{sheet}” is damaged: {reason}</source>
        <translation>工作表“{sheet}”已损坏：{reason}</translation>
    </message>
    <message>
        <source>the task table has a header but no task rows</source>
        <translation>分工表只有表头，没有任务行</translation>
    </message>
    <message>
        <source>not a task row; its text was kept at the end of the preamble: {text}</source>
        <translation>不是任务行；其文字已保留在前言末尾：{text}</translation>
    </message>
    <message>
        <source>a task without a number was numbered {number}</source>
        <translation>一项没有序号的任务被编为 {number} 号</translation>
    </message>
    <message>
        <source>tasks were put in section order</source>
        <translation>任务已按领域顺序排列</translation>
    </message>
    <message>
        <source>unknown unit “{unit}” (tasks {tasks}) kept as written</source>
        <translation>未登记单位“{unit}”（任务 {tasks}）按原文保留</translation>
    </message>
    <message>
        <source>section number {number} repeated; renumbered</source>
        <translation>领域编号 {number} 重复，已重新编号</translation>
    </message>
    <message>
        <source>unknown mark “{mark}” for {unit} read as taking part</source>
        <translation>{unit} 的标记“{mark}”无法识别，按参与处理</translation>
    </message>
    <message>
        <source>the preamble is too long to store in a workbook</source>
        <translation>前言过长，无法存入工作簿</translation>
    </message>
    <message>
        <source>control characters Excel cannot hold were removed from {cells} cells (tasks {tasks})</source>
        <translation>已从 {cells} 个单元格中删除 Excel 无法保存的控制字符（任务 {tasks}）</translation>
    </message>
    <message>
        <source>the workbook this plan was opened from cannot be re-read to keep its other sheets: {reason}</source>
        <translation>无法重新读取本计划来源的工作簿以保留其中其他工作表：{reason}</translation>
    </message>
    <message>
        <source>task {number} has a text of {length} characters; an Excel cell holds at most 32,767</source>
        <translation>第 {number} 项任务有一段 {length} 字的文字；Excel 单元格最多只能容纳 32,767 字</translation>
    </message>
    <message>
        <source>the file is too large ({size} MB; the limit is {limit} MB)</source>
        <translation>文件过大（{size} MB；上限为 {limit} MB）</translation>
    </message>
    <message>
        <source>cannot write “{suffix}” files: use .xlsx, .json or .csv</source>
        <translation>无法写入“{suffix}”文件：请使用 .xlsx、.json 或 .csv</translation>
    </message>
    <message>
        <source>assignment sheets are written as .pdf</source>
        <translation>分工清单只能输出为 .pdf</translation>
    </message>
    <message>
        <source>unknown unit “{name}”; closest registered names: {names}</source>
        <translation>未知单位“{name}”；最接近的已登记单位：{names}</translation>
    </message>
    <message>
        <source>unknown city “{name}”; closest: {names}</source>
        <translation>未知地市“{name}”；最接近的：{names}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>not a Task Matrix JSON file (format “{format}” expected)</source>
        <translation>不是任务矩阵 JSON 文件（应为“{format}”格式）</translation>
    </message>
    <message>
        <source>“{what}” is not a list</source>
        <translation>“{what}”不是列表</translation>
    </message>
    <message>
        <source>“{what}” is not a whole number</source>
        <translation>“{what}”不是整数</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>carriage returns (CR, CR LF) in {cells} cells were saved as Excel&apos;s line break (LF) (tasks {tasks})</source>
        <translation>{cells} 个单元格中的回车换行（CR、CR LF）已按 Excel 的换行（LF）保存（任务 {tasks}）</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>not a Task Matrix JSON file: the text is not UTF-8</source>
        <translation>不是任务矩阵 JSON 文件：文字不是 UTF-8 编码</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <source>not a Task Matrix JSON file: {reason}</source>
        <translation>不是任务矩阵 JSON 文件：{reason}</translation>
    </message>
    <message>
        <source>units[{index}] is not an object</source>
        <translation>units[{index}] 不是对象</translation>
    </message>
    <message>
        <source>section number {number} appears twice</source>
        <translation>领域编号 {number} 出现了两次</translation>
    </message>
    <message>
        <source>tasks[{index}] is not an object</source>
        <translation>tasks[{index}] 不是对象</translation>
    </message>
    <message>
        <source>duplicate task number {number}</source>
        <translation>任务序号 {number} 重复</translation>
    </message>
    <message>
        <source>tasks[{index}].extra is not an object</source>
        <translation>tasks[{index}].extra 不是对象</translation>
    </message>
    <message>
        <source>task {number} names section {section}, which does not exist</source>
        <translation>第 {number} 项任务所属的领域 {section} 不存在</translation>
    </message>
    <message>
        <source>this is a binary file, not plan text</source>
        <translation>这是二进制文件，不是计划文本</translation>
    </message>
    <message>
        <source>task {number} has no title</source>
        <translation>第 {number} 项任务没有标题</translation>
    </message>
    <message>
        <source>unreadable text: broken UTF-16</source>
        <translation>无法读取：UTF-16 编码已损坏</translation>
    </message>
    <message>
        <source>task {number} has no lead unit</source>
        <translation>第 {number} 项任务没有牵头单位</translation>
    </message>
    <message>
        <source>text outside any task was kept at the end of the preamble: {text}</source>
        <translation>不属于任何任务的文字已保留在前言末尾：{text}</translation>
    </message>
    <message>
        <source>section number repeated; numbered {number} instead</source>
        <translation>领域编号重复，改编为 {number}</translation>
    </message>
    <message>
        <source>no recognisable tasks (numbered paragraphs such as “1.…” or “（一）…”)</source>
        <translation>没有可识别的任务（应为“1.……”或“（一）……”这样的编号段落）</translation>
    </message>
    <message>
        <source>tasks are the items numbered （一）, （二）…</source>
        <translation>任务为以（一）、（二）……编号的条目</translation>
    </message>
    <message>
        <source>document number {docno}, kept at the start of the preamble</source>
        <translation>发文字号 {docno}，已保留在前言开头</translation>
    </message>
    <message>
        <source>the addressee line is kept in the preamble, not the title</source>
        <translation>主送机关一行保留在前言中，不计入标题</translation>
    </message>
    <message>
        <source>one line per paragraph (no blank lines between paragraphs)</source>
        <translation>每段一行（段落之间没有空行）</translation>
    </message>
    <message>
        <source>{tasks} tasks in {sections} sections, {units} units ({unknown} unknown)</source>
        <translation>{tasks} 项任务，{sections} 个部分，{units} 个单位（{unknown} 个未登记）</translation>
    </message>
    <message>
        <source>{count} control characters were removed</source>
        <translation>已删除 {count} 个控制字符</translation>
    </message>
    <message>
        <source>{count} lines of page numbers and running headers were removed: {lines}</source>
        <translation>已删除 {count} 行页码和页眉页脚：{lines}</translation>
    </message>
    <message>
        <source>task {number}: no units named (no responsibility parenthesis or 责任单位 line)</source>
        <translation>任务 {number}：未写明责任单位（没有责任单位括号或“责任单位”行）</translation>
    </message>
    <message>
        <source>numbering jumps from {previous} to {number}</source>
        <translation>编号从 {previous} 跳到 {number}</translation>
    </message>
    <message>
        <source>lead rule: the first unit listed leads, the others take part (as the preamble states: “{rule}”)</source>
        <translation>牵头规则：列第一位的单位牵头，其余参与（前言载明：“{rule}”）</translation>
    </message>
    <message>
        <source>lead rule: the first group of units leads (units joined by 、 in it lead jointly), as the preamble states: “{rule}”</source>
        <translation>牵头规则：第一组单位牵头（组内以顿号并列的单位共同牵头），前言载明：“{rule}”</translation>
    </message>
    <message>
        <source>{marker}{title}: no units, so not a task; its text was kept at the end of the preamble</source>
        <translation>{marker}{title}：未写明单位，不作为任务；其文字已保留在前言末尾</translation>
    </message>
    <message>
        <source>{count} sub-headings (such as “{example}”) are kept as each task&apos;s “分项”</source>
        <translation>{count} 个小标题（如“{example}”）已保留为各任务的“分项”</translation>
    </message>
    <message>
        <source>task {number}: “{name}” was read as a unit, but may not be one</source>
        <translation>任务 {number}：“{name}”被读作单位，但可能不是单位</translation>
    </message>
    <message>
        <source>numbering restarts at 1 here; tasks are numbered on from {number}</source>
        <translation>此处编号从 1 重新开始；任务接续编号为 {number} 起</translation>
    </message>
    <message>
        <source>lead rule: the first unit listed leads, the others take part (stated in task {number}: “{rule}”)</source>
        <translation>牵头规则：列第一位的单位牵头，其余参与（任务 {number} 载明：“{rule}”）</translation>
    </message>
    <message>
        <source>not an Excel workbook (a zip file without xl/workbook.xml)</source>
        <translation>不是 Excel 工作簿（zip 文件中没有 xl/workbook.xml）</translation>
    </message>
    <message>
        <source>this is a binary workbook (.xlsb): save it as .xlsx</source>
        <translation>这是二进制工作簿（.xlsb）：请另存为 .xlsx</translation>
    </message>
    <message>
        <source>not an Excel workbook: this is a text, HTML or XML file</source>
        <translation>不是 Excel 工作簿：这是文本、HTML 或 XML 文件</translation>
    </message>
    <message>
        <source>not an Excel workbook: this is a Word document</source>
        <translation>不是 Excel 工作簿：这是 Word 文档</translation>
    </message>
    <message>
        <source>not an Excel workbook: this is a PowerPoint file</source>
        <translation>不是 Excel 工作簿：这是 PowerPoint 文件</translation>
    </message>
    <message>
        <source>not an Excel workbook: this is an OpenDocument file; save it as .xlsx</source>
        <translation>不是 Excel 工作簿：这是 OpenDocument 文件；请另存为 .xlsx</translation>
    </message>
    <message>
        <source>{what} is damaged or truncated (its zip directory cannot be read)</source>
        <translation>{what}已损坏或不完整（无法读取其压缩目录）</translation>
    </message>
    <message>
        <source>refused: part {part} declares XML entities (an entity bomb?)</source>
        <translation>已拒绝：部件 {part} 声明了 XML 实体（可能是实体炸弹）</translation>
    </message>
    <message>
        <source>the workbook is damaged: part {part} cannot be read</source>
        <translation>工作簿已损坏：无法读取部件 {part}</translation>
    </message>
</context>
</TS>
