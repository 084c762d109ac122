// The stage explorer's page: draws what the server computed (pvm/explore/server.py)
// and asks it for each step of the recorded run.  Plain DOM code, no library: the page
// must work offline, served by pvm alone.
"use strict";

const state = {
  summary: null,        // the server's answer to /api/explore
  step: 0,
  breakpoints: new Set(),
  sourceLines: [],
  selection: null,      // [line, column, end line, end column] in characters
  stageCodes: [],       // the bytecode stage's code objects
  tiers: null,          // the Tiers tab, drawn when first shown: a promise
  current: null,        // the shown step's {key: its code's codeKey, index}, if the program's
};

const $ = (id) => document.getElementById(id);

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function request(url, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)};
  const response = await fetch(url, options);
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

// -- positions ------------------------------------------------------------------------

// A column in UTF-8 bytes (the recorded instructions' positions) to characters.
function characterColumn(line, byteColumn) {
  const text = state.sourceLines[line - 1];
  if (text === undefined || byteColumn === null) return byteColumn;
  const bytes = new TextEncoder().encode(text).slice(0, byteColumn);
  return new TextDecoder().decode(bytes).length;
}

function spanOfPosition(position) {
  if (!position || position[0] === null) return null;
  const [line, endLine, column, endColumn] = position;
  return [line, characterColumn(line, column) ?? 0, endLine ?? line,
          endColumn === null ? null : characterColumn(endLine ?? line, endColumn)];
}

function within(inner, outer) {
  if (!inner || !outer) return false;
  const before = (a, b, c, d) => a < c || (a === c && b <= d);
  return before(outer[0], outer[1], inner[0], inner[1]) &&
         before(inner[2], inner[3] ?? Infinity, outer[2], outer[3] ?? Infinity);
}

// -- the source -----------------------------------------------------------------------

function renderSource(source) {
  state.sourceLines = source.split(/\r\n|\r|\n/);
  const container = $("source");
  container.replaceChildren();
  state.sourceLines.forEach((text, index) => {
    const number = index + 1;
    const line = element("div", {class: "line", dataset: {line: number}},
      element("span", {class: "number", onclick: () => toggleBreakpoint(number)}, number),
      element("span", {class: "text", onclick: (event) => selectAt(number, event)}, text));
    if (state.breakpoints.has(number)) line.classList.add("breakpoint");
    container.append(line);
  });
}

function toggleBreakpoint(number) {
  if (state.breakpoints.has(number)) state.breakpoints.delete(number);
  else state.breakpoints.add(number);
  const line = $("source").querySelector(`.line[data-line="${number}"]`);
  if (line) line.classList.toggle("breakpoint", state.breakpoints.has(number));
}

function markSource(span) {
  for (const line of $("source").querySelectorAll(".line")) {
    const number = Number(line.dataset.line);
    const text = state.sourceLines[number - 1];
    const holder = line.querySelector(".text");
    if (!span || number < span[0] || number > span[2]) {
      if (holder.firstElementChild) holder.textContent = text;
      continue;
    }
    const start = number === span[0] ? span[1] : 0;
    const end = number === span[2] && span[3] !== null ? span[3] : text.length;
    holder.replaceChildren(text.slice(0, start), element("mark", {}, text.slice(start, end)),
                           text.slice(end));
  }
  if (span) {
    const first = $("source").querySelector(`.line[data-line="${span[0]}"]`);
    if (first) first.scrollIntoView({block: "nearest"});
  }
}

// Selecting anything selects a span of the source; every pane marks its counterparts.
function select(span) {
  state.selection = span;
  markSource(span);
  for (const row of document.querySelectorAll("#tokens tr.token")) {
    row.classList.toggle("selected", Boolean(span) && within(JSON.parse(row.dataset.span), span));
  }
  for (const summary of document.querySelectorAll("#ast summary[data-span]")) {
    summary.classList.toggle("selected", Boolean(span) &&
                             summary.dataset.span === JSON.stringify(span));
  }
  for (const row of document.querySelectorAll("#bytecode tr.instr")) {
    const rowSpan = row.dataset.span ? JSON.parse(row.dataset.span) : null;
    row.classList.toggle("selected", Boolean(span) && within(rowSpan, span));
  }
}

// A click in the source selects the innermost syntax-tree node there.
function selectAt(number, event) {
  const selection = window.getSelection();
  const column = selection && selection.anchorNode ? selection.anchorOffset : 0;
  const point = [number, column, number, column + 1];
  let best = null;
  for (const summary of document.querySelectorAll("#ast summary[data-span]")) {
    const span = JSON.parse(summary.dataset.span);
    if (within(point, span)) best = summary;     // later in document order = deeper
  }
  if (best) {
    openParents(best);
    select(JSON.parse(best.dataset.span));
    best.scrollIntoView({block: "nearest"});
  }
  event.stopPropagation();
}

function openParents(node) {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === "DETAILS") parent.open = true;
  }
}

// -- the stages -----------------------------------------------------------------------

function stageError(container, stage) {
  if (stage && stage.error !== undefined) {
    container.replaceChildren(element("div", {class: "error-text"}, stage.error));
    return true;
  }
  return false;
}

function renderTokens(tokens) {
  const container = $("tokens");
  if (stageError(container, tokens)) return;
  const table = element("table", {class: "listing"},
    element("tr", {}, element("th", {}, "type"), element("th", {}, "string"),
            element("th", {}, "start"), element("th", {}, "end")));
  tokens.forEach((token, index) => {
    const span = [token.start[0], token.start[1], token.end[0], token.end[1]];
    table.append(element("tr", {class: "token", dataset: {index, span: JSON.stringify(span)},
                                onclick: () => select(span)},
      element("td", {}, token.type === "OP" ? `OP ${token.exact}` : token.type),
      element("td", {}, JSON.stringify(token.string)),
      element("td", {}, `${token.start[0]},${token.start[1]}`),
      element("td", {}, `${token.end[0]},${token.end[1]}`)));
  });
  container.replaceChildren(table);
}

function renderAst(tree) {
  const container = $("ast");
  if (stageError(container, tree)) return;
  const build = (node, depth) => {
    const fields = node.fields.map(([name, value]) => `${name}=${value}`).join(", ");
    const summary = element("summary", {},
      node.field ? element("span", {class: "field-name"}, node.field + ": ") : null,
      node.type, fields ? element("span", {class: "node-fields"}, ` (${fields})`) : null,
      node.position ? element("span", {class: "node-fields"},
                              ` @${node.position[0]}:${node.position[1]}`) : null);
    if (node.span) {
      summary.dataset.span = JSON.stringify(node.span);
      summary.addEventListener("click", () => select(node.span));
    }
    summary.dataset.type = node.type;
    const details = element("details", {class: "node"}, summary);
    details.open = depth < 3;
    for (const child of node.children) details.append(build(child, depth + 1));
    return details;
  };
  container.replaceChildren(build(tree, 0));
}

function renderSymbols(table) {
  const container = $("symbols");
  if (stageError(container, table)) return;
  const build = (scope) => {
    const rows = scope.symbols.map((symbol) => element("tr", {class: "symbol"},
      element("td", {}, symbol.name), element("td", {}, symbol.properties.join(", "))));
    const details = element("details", {class: "node", open: ""},
      element("summary", {}, `${scope.type} ${scope.name} (line ${scope.line})`),
      element("table", {class: "listing"}, ...rows));
    for (const child of scope.children) details.append(build(child));
    return details;
  };
  container.replaceChildren(build(table));
}

function codeKey(code) {
  return `${code.qualname}@${code.firstlineno}`;
}

function renderBytecode(codes) {
  const container = $("bytecode");
  if (stageError(container, codes)) { stageError($("blocks"), codes); return; }
  state.stageCodes = codes;
  container.replaceChildren();
  codes.forEach((code, number) => {
    const table = element("table", {class: "listing"});
    for (const instruction of code.instructions) {
      const row = element("tr", {class: "instr",
        dataset: {code: codeKey(code), offset: instruction.offset,
                  span: instruction.span ? JSON.stringify(instruction.span) : ""}},
        element("td", {}, instruction.line ?? ""),
        element("td", {}, instruction.target ? ">>" : ""),
        element("td", {}, instruction.offset),
        element("td", {}, instruction.opname),
        element("td", {}, instruction.arg ?? ""),
        element("td", {}, instruction.argrepr ? `(${instruction.argrepr})` : ""));
      row.addEventListener("click", () => selectInstruction(code, instruction));
      table.append(row);
    }
    const tiersLink = element("a", {href: "#", class: "ref", onclick: (event) => {
      event.preventDefault(); openTiers(number); }}, "tier 1 and SSA form");
    container.append(element("div", {class: "code-object", dataset: {code: codeKey(code)}},
      element("h3", {}, `code object ${code.qualname} (line ${code.firstlineno})`, tiersLink),
      table));
  });
  renderBlocks(codes);
}

function selectInstruction(code, instruction) {
  if (instruction.span) select(instruction.span);
  for (const row of document.querySelectorAll("#bytecode tr.instr.selected")) {
    row.classList.remove("selected");
  }
  const row = document.querySelector(
    `#bytecode tr.instr[data-code="${CSS.escape(codeKey(code))}"][data-offset="${instruction.offset}"]`);
  if (row) row.classList.add("selected");
  showStepsOf(code, instruction.offset);
}

// The steps that ran an instruction: links to each.
async function showStepsOf(code, offset) {
  const summary = state.summary;
  const holder = $("steps-of");
  holder.replaceChildren();
  if (!summary || summary.steps === undefined) return;
  const recorded = summary.codes.findIndex((candidate) =>
    candidate.qualname === code.qualname && candidate.firstlineno === code.firstlineno);
  if (recorded < 0) {
    holder.append("this instruction's code never ran");
    return;
  }
  const answer = await request(`/api/instruction-steps?code=${recorded}&index=${offset}`);
  holder.append(`${code.qualname} ${offset} ran at ${answer.count} step(s): `);
  for (const step of answer.steps.slice(0, 30)) {
    holder.append(element("a", {href: "#", class: "ref", onclick: (event) => {
      event.preventDefault(); goTo(step); }}, step), " ");
  }
}

function renderBlocks(codes) {
  const container = $("blocks");
  container.replaceChildren();
  for (const code of codes) {
    const holder = element("div", {class: "blocks-of"});
    container.append(element("h3", {}, `code object ${code.qualname}`), holder);
    const numberOf = new Map(code.blocks.map((block, number) => [block.start, number]));
    const boxes = code.blocks.map((block, number) => {
      const lines = code.instructions.slice(block.start, block.end)
        .map((instruction) => `${String(instruction.offset).padStart(4)} ${instruction.opname} ${instruction.argrepr}`);
      const exits = block.successors.map((target) => `B${numberOf.get(target)}`);
      const box = element("div", {class: "block", dataset: {block: number}},
        element("div", {class: "title"}, `B${number}` +
                (exits.length ? ` \u2192 ${exits.join(", ")}` : " (exit)") +
                (block.handler !== null ? `, exception \u2192 B${numberOf.get(block.handler)}` : "")),
        element("pre", {class: "mono", style: "margin:0"}, lines.join("\n")));
      holder.append(box);
      return box;
    });
    holder.dataset.edges = JSON.stringify(code.blocks.flatMap((block, number) =>
      block.successors.map((target) => [number, numberOf.get(target), 0]).concat(
        block.handler !== null ? [[number, numberOf.get(block.handler), 1]] : [])));
    holder._boxes = boxes;
  }
}

// Arrows between blocks, drawn in the margin left of them once they are laid out.
function drawBlockEdges() {
  for (const holder of document.querySelectorAll("#blocks .blocks-of")) {
    const old = holder.querySelector("svg");
    if (old) old.remove();
    const boxes = holder._boxes || [];
    if (!boxes.length || !holder.offsetHeight) continue;
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "60");
    svg.setAttribute("height", String(holder.offsetHeight));
    const middle = (box) => box.offsetTop + 10;
    JSON.parse(holder.dataset.edges).forEach(([from, to, exceptional], count) => {
      if (to === undefined) return;
      const y1 = middle(boxes[from]), y2 = middle(boxes[to]);
      const x = 56 - Math.min(50, 8 + (Math.abs(to - from) * 6) + (count % 3) * 2);
      const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", `M60 ${y1} C ${x} ${y1}, ${x} ${y2}, 60 ${y2}`);
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", exceptional ? "#e53935" : "#546e7a");
      if (exceptional) path.setAttribute("stroke-dasharray", "4 3");
      svg.append(path);
      const head = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      head.setAttribute("cx", "58"); head.setAttribute("cy", String(y2));
      head.setAttribute("r", "2.5"); head.setAttribute("fill", path.getAttribute("stroke"));
      svg.append(head);
    });
    holder.prepend(svg);
  }
}

function renderCache(file, title) {
  const container = $("cache");
  container.replaceChildren(element("h3", {}, title));
  if (file.error !== undefined) {
    container.append(element("div", {class: "error-text"}, file.error));
    return;
  }
  const header = element("table", {class: "listing", id: "cache-header"},
    element("tr", {}, ...["offset", "size", "field", "bytes", "meaning"].map(
      (name) => element("th", {}, name))));
  for (const field of file.header) {
    header.append(element("tr", {class: "cache-field"},
      element("td", {}, field.offset), element("td", {}, field.size),
      element("td", {}, field.name), element("td", {}, field.hex),
      element("td", {}, field.meaning)));
  }
  container.append(element("p", {}, `${file.size} bytes`), header);
  const build = (code) => {
    const rows = code.fields.map(([name, text]) => element("tr", {},
      element("td", {}, name), element("td", {}, text)));
    const details = element("details", {class: "node", open: ""},
      element("summary", {}, `code ${code.name}`), element("table", {class: "listing"}, ...rows));
    for (const child of code.children) details.append(build(child));
    return details;
  };
  if (file.payload.error) container.append(element("div", {class: "error-text"}, file.payload.error));
  else container.append(element("h4", {}, "payload"), build(file.payload));
}

function renderImports(modules) {
  const container = $("imports");
  if (!modules) { container.replaceChildren("no run recorded"); return; }
  const table = element("table", {class: "listing"},
    element("tr", {}, ...["module", "loaded by", "loaded from", "file", "cache file"].map(
      (name) => element("th", {}, name))));
  modules.forEach((module, number) => {
    const cached = module.cached ? element("a", {href: "#", class: "ref", onclick: async (event) => {
      event.preventDefault();
      const file = await request(`/api/cache-file?module=${number}`);
      renderCache(file, `cache file of ${module.name}: ${file.path}`);
      showTab("cache");
    }}, module.cached) : "";
    table.append(element("tr", {class: "module"}, element("td", {}, module.name),
      element("td", {}, module.by_program ? "the program" : "start-up"),
      element("td", {}, module.origin), element("td", {}, module.file ?? ""),
      element("td", {}, cached)));
  });
  container.replaceChildren(table);
}

// -- the compiling tiers --------------------------------------------------------------

// The Tiers tab: a code object's bytecode beside what tier 1 translates it into and
// the SSA form tier 2 compiles from, each line linked to its guest instruction.  The
// server makes both when asked (a translation takes milliseconds an instruction), so
// the tab is drawn when first shown, starting at the code object the run made hottest.
function ensureTiers() {
  if (!state.tiers) {
    state.tiers = renderTiers().catch((error) => {
      $("tiers").replaceChildren(element("div", {class: "error-text"}, error.message));
    });
  }
  return state.tiers;
}

async function openTiers(number) {
  showTab("tiers");
  await ensureTiers();
  $("tiers-code").value = String(number);
  await showTiers(number);
}

async function renderTiers() {
  const container = $("tiers");
  const codes = state.summary.stages.bytecode;
  if (stageError(container, codes)) return;
  const heat = state.summary.steps === undefined ? {heat: [], threshold: null}
    : await request("/api/heat");
  const choice = element("select", {id: "tiers-code"});
  let hottest = 0;
  codes.forEach((code, number) => {
    const count = heat.heat[number];
    let label = `${code.qualname} (line ${code.firstlineno})`;
    if (count === null) label += " \u00b7 did not run";
    else if (count !== undefined) {
      label += ` \u00b7 heat ${count}` + (count >= heat.threshold ? " (hot)" : "");
      if (count > (heat.heat[hottest] ?? -1)) hottest = number;
    }
    choice.append(element("option", {value: number}, label));
  });
  choice.addEventListener("change", () => showTiers(Number(choice.value)));
  container.replaceChildren(
    element("div", {class: "tiers-bar"}, "code object ", choice,
      element("span", {class: "hint"}, heat.threshold === null ? "" :
        "heat: its frame starts and loop back-edges in the run; tier 1 (-X tier=1) " +
        `translates a function at ${heat.threshold}`)),
    element("div", {id: "tiers-view"}));
  choice.value = String(hottest);
  await showTiers(hottest);
}

async function showTiers(number) {
  const code = state.stageCodes[number];
  const view = $("tiers-view");
  delete view.dataset.code;
  let forms;
  try {
    forms = await request(`/api/tiers?code=${number}`);
  } catch (error) {
    view.replaceChildren(element("div", {class: "error-text"}, error.message));
    return;
  }
  if (stageError(view, forms)) return;
  const column = (title, form) => {
    const holder = element("div", {class: "tier-column"}, element("div", {class: "pane-title"}, title));
    if (form.reason !== undefined) {
      holder.append(element("div", {class: "tier-reason"}, form.reason));
      return holder;
    }
    for (const [text, index] of form.lines) {
      const line = element("div", {class: "tier-line"}, text);
      if (index !== null) {
        line.dataset.index = index;
        line.addEventListener("click", () => selectTierLine(code, index));
      }
      holder.append(line);
    }
    return holder;
  };
  const bytecode = code.instructions.map((instruction) => [
    `${String(instruction.offset).padStart(4)} ${instruction.opname} ${instruction.argrepr}`.trimEnd(),
    instruction.offset]);
  view.replaceChildren(
    column("bytecode (pvm.dis)", {lines: bytecode}),
    column(`tier 1: host source (-X tier=1 -X jit-show=${code.name})`, forms.tier1),
    column("tier 2: SSA form as built, before types (python3 -m pvm.ir FILE)", forms.ssa));
  view.dataset.code = codeKey(code);
  markCurrentTierLines();
}

function selectTierLine(code, index) {
  const instruction = code.instructions.find((candidate) => candidate.offset === index);
  if (instruction) selectInstruction(code, instruction);
  for (const line of document.querySelectorAll("#tiers-view .tier-line[data-index]")) {
    line.classList.toggle("selected", line.dataset.index === String(index));
  }
}

// The instruction the shown step runs, in the Tiers tab's lines, if its code is shown.
function markCurrentTierLines() {
  const view = $("tiers-view");
  if (!view) return;
  for (const line of view.querySelectorAll(".tier-line.current-instruction")) {
    line.classList.remove("current-instruction");
  }
  const current = state.current;
  if (!current || view.dataset.code !== current.key) return;
  for (const line of view.querySelectorAll(`.tier-line[data-index="${current.index}"]`)) {
    line.classList.add("current-instruction");
  }
}

function showTab(name) {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.classList.toggle("active", button.dataset.tab === name);
  }
  for (const tab of document.querySelectorAll(".tab")) {
    tab.classList.toggle("active", tab.id === name);
  }
  if (name === "blocks") drawBlockEdges();
  if (name === "tiers") ensureTiers();
}

// -- the run --------------------------------------------------------------------------

function valueCell(text, reference) {
  const cell = element("span", {class: reference ? "ref" : ""}, text);
  if (reference) {
    cell.dataset.ref = reference;
    cell.title = `object #${reference}`;
    cell.addEventListener("click", () => selectObject(reference));
  }
  return cell;
}

function selectObject(reference) {
  for (const node of document.querySelectorAll("#heap .heap-node")) {
    node.classList.toggle("selected", node.dataset.number === String(reference));
  }
}

function renderFrames(answer) {
  const codes = state.summary.codes;
  const container = $("frames");
  container.replaceChildren();
  answer.frames.forEach((frame, depth) => {
    const code = codes[frame.code];
    const instruction = code.instructions[frame.index];
    const variables = element("table", {class: "locals"},
      ...frame.variables.map(([name, text, reference]) => element("tr", {class: "variable"},
        element("td", {}, name), element("td", {}, valueCell(text, reference)))));
    const stack = element("ul", {class: "stack"},
      ...frame.stack.map(([text, reference]) => element("li", {}, valueCell(text, reference))));
    container.append(element("div", {class: depth ? "frame caller" : "frame current",
                                     dataset: {frame: frame.frame}},
      element("h4", {}, `${code.qualname}  line ${frame.line}  ` +
              `${frame.index} ${instruction[0]} ${instruction[1]}` +
              (depth ? `  (as at its step ${frame.step})` : "")),
      element("div", {class: "pane-title"}, "variables"), variables,
      element("div", {class: "pane-title"}, `stack (${frame.stack.length}, top last)`), stack));
  });
  if (answer.more_frames) container.append("... more callers");
}

function renderHeap(heap) {
  const container = $("heap");
  container.replaceChildren();
  if (heap === null) {
    container.append(`The heap is drawn for the first ${state.summary.heap_steps} steps only.`);
    return;
  }
  if (!heap.length) { container.append("(no objects with parts)"); return; }
  for (const node of heap) {
    container.append(element("div", {class: "heap-node", dataset: {number: node.number}},
      element("div", {class: "title"}, `#${node.number} ${node.type}`),
      element("table", {}, ...node.fields.map(([label, text, reference]) => element("tr", {},
        element("td", {}, label), element("td", {}, valueCell(text, reference)))))));
  }
  drawHeapEdges();
}

// Arrows from each reference (a variable, a stack slot, a field) to its object.
function drawHeapEdges() {
  const container = $("heap");
  const box = container.getBoundingClientRect();
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", String(container.scrollWidth));
  svg.setAttribute("height", String(container.scrollHeight));
  for (const source of container.querySelectorAll(".ref[data-ref]")) {
    const target = container.querySelector(`.heap-node[data-number="${source.dataset.ref}"]`);
    if (!target || target.contains(source)) continue;
    const from = source.getBoundingClientRect(), to = target.getBoundingClientRect();
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("x1", String(from.right - box.left));
    line.setAttribute("y1", String(from.top + from.height / 2 - box.top));
    line.setAttribute("x2", String(to.left - box.left));
    line.setAttribute("y2", String(to.top + 8 - box.top));
    line.setAttribute("stroke", "#1e88e5");
    line.setAttribute("stroke-opacity", "0.6");
    svg.append(line);
  }
  container.prepend(svg);
}

function renderOutput(output) {
  const container = $("output");
  container.replaceChildren(output.cut ? "...\n" : "");
  for (const [stream, text] of output.parts) {
    container.append(element("span", {class: stream}, text));
  }
}

async function goTo(step) {
  const summary = state.summary;
  if (!summary || !summary.steps) return;
  step = Math.max(0, Math.min(summary.steps - 1, step));
  const answer = await request(`/api/step?n=${step}`);
  state.step = step;
  renderFrames(answer);
  renderHeap(answer.heap);
  renderOutput(answer.output);
  if (answer.last && state.summary.ended === "end") {
    $("output").append(element("span", {class: "ended"},
      `\n[the run ended: exit status ${state.summary.status}]`));
  }
  const frame = answer.frames[0];
  const code = summary.codes[frame.code];
  const instruction = code.instructions[frame.index];
  $("step-input").value = step;
  $("slider").value = step;
  $("step-info").textContent = `step ${step} of ${summary.steps}` +
    ` \u00b7 ${code.qualname} line ${frame.line} \u00b7 ${frame.index} ${instruction[0]}`;
  for (const line of $("source").querySelectorAll(".line.current")) line.classList.remove("current");
  if (code.filename === summary.run_path) {
    const line = $("source").querySelector(`.line[data-line="${frame.line}"]`);
    if (line) line.classList.add("current");
  }
  // The running instruction in the bytecode pane, and its source span.
  for (const row of document.querySelectorAll("#bytecode tr.current-instruction")) {
    row.classList.remove("current-instruction");
  }
  if (code.filename === summary.run_path) {
    const row = document.querySelector(
      `#bytecode tr.instr[data-code="${CSS.escape(codeKey(code))}"][data-offset="${frame.index}"]`);
    if (row) {
      row.classList.add("current-instruction");
      if ($("bytecode").classList.contains("active")) row.scrollIntoView({block: "nearest"});
    }
    select(spanOfPosition(instruction[2]));
  }
  state.current = code.filename === summary.run_path
    ? {key: codeKey(code), index: frame.index} : null;
  markCurrentTierLines();
  document.body.dataset.step = String(step);
}

async function move(how) {
  const lines = [...state.breakpoints].join(",");
  const answer = await request(`/api/find?from=${state.step}&how=${how}&lines=${lines}`);
  if (answer.step === null) {
    setStatus(how === "breakpoint" ? "no breakpoint is reached after this step"
              : "no further line in that direction");
    return;
  }
  await goTo(answer.step);
}

// -- exploring ------------------------------------------------------------------------

async function explore() {
  const editor = $("editor");
  const source = editor.hidden ? state.source : editor.value;
  if (!editor.hidden) toggleEditor();
  state.source = source;
  setStatus("compiling and recording...");
  document.body.dataset.state = "busy";
  let summary;
  try {
    summary = await request("/api/explore", {
      source, input: $("input").value, budget: Number($("budget").value),
      everything: $("everything").checked});
  } catch (error) {
    setStatus(error.message, true);
    document.body.dataset.state = "ready";
    return;
  }
  state.summary = summary;
  state.tiers = null;
  state.current = null;
  $("tiers").replaceChildren();
  renderSource(source);
  renderTokens(summary.stages.tokens);
  renderAst(summary.stages.ast);
  renderSymbols(summary.stages.symbols);
  renderBytecode(summary.stages.bytecode);
  if (summary.stages.cache.error === undefined) {
    renderCache(summary.stages.cache, "the cache file an import of this source writes");
  } else {
    renderCache(summary.stages.cache, "no cache file: the source does not compile");
  }
  renderImports(summary.modules);
  const slider = $("slider");
  slider.max = Math.max(0, (summary.steps || 1) - 1);
  if (summary.steps === undefined) {
    setStatus(summary.ended, true);
  } else {
    const ending = summary.ended === "budget"
      ? `stopped after ${summary.steps} steps (the budget: raise it to record more)`
      : `${summary.steps} steps recorded; exit status ${summary.status}`;
    setStatus(ending);
    if (summary.steps) await goTo(0);
  }
  if (!summary.steps) renderOutput(summary.output || {parts: [], cut: false});
  if ($("tiers").classList.contains("active")) await ensureTiers();
  document.body.dataset.state = "ready";
}

function toggleEditor() {
  const editor = $("editor");
  if (editor.hidden) {
    editor.value = state.source;
    editor.hidden = false;
    $("source").hidden = true;
    $("edit").textContent = "Done";
  } else {
    state.source = editor.value;
    editor.hidden = true;
    $("source").hidden = false;
    $("edit").textContent = "Edit";
    renderSource(state.source);
  }
}

async function start() {
  const initial = await request("/api/initial");
  $("path").textContent = initial.path;
  state.source = initial.source;
  $("input").value = initial.input;
  $("budget").value = initial.budget;
  renderSource(initial.source);
  $("explore").addEventListener("click", explore);
  $("edit").addEventListener("click", toggleEditor);
  $("forward").addEventListener("click", () => goTo(state.step + 1));
  $("back").addEventListener("click", () => goTo(state.step - 1));
  $("forward-line").addEventListener("click", () => move("line"));
  $("back-line").addEventListener("click", () => move("back-line"));
  $("run-to").addEventListener("click", () => move("breakpoint"));
  $("go").addEventListener("click", () => goTo(Number($("step-input").value)));
  $("slider").addEventListener("change", () => goTo(Number($("slider").value)));
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  document.addEventListener("keydown", (event) => {
    if (event.target.tagName === "TEXTAREA" || event.target.tagName === "INPUT") return;
    if (event.key === "ArrowRight") (event.shiftKey ? move("line") : goTo(state.step + 1));
    if (event.key === "ArrowLeft") (event.shiftKey ? move("back-line") : goTo(state.step - 1));
  });
  await explore();
}

window.addEventListener("error", (event) => setStatus(`page error: ${event.message}`, true));
start().catch((error) => setStatus(error.message, true));
