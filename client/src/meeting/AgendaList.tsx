import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Announcements, DragEndEvent } from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { agendaQuestion, moveAgendaItem, setSlotMinutes, usedTime } from '../../../shared/doc/meeting.js';
import type { AgendaItem } from '../../../shared/doc/meeting.js';
import { CollabText } from '../components/CollabText.js';
import { formatDuration, useNow } from './useNow.js';
import '../i18n/nl/meeting.js';

interface Props {
  doc: Y.Doc;
  agenda: AgendaItem[];
  selected: string | null;
  current: string | null;
  readOnly: boolean;
  onSelect(caseId: string): void;
  /** The chair and members who may change the case may take it off the agenda. */
  canRemove(caseId: string): boolean;
  onRemove(caseId: string): void;
}

/** The agenda: ordered by drag and drop (mouse, touch, keyboard), questions and slots co-edited live. */
export function AgendaList({ doc, agenda, readOnly, ...rest }: Props) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const aliasOf = (id: unknown) => agenda.find((i) => i.id === id)?.alias ?? '';
  const positionOf = (id: unknown) => agenda.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('meeting.drag', { alias: aliasOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('meeting.moved', { alias: aliasOf(active.id), position: positionOf(over.id) }) : '',
    onDragEnd: ({ active, over }) =>
      over ? t('meeting.moved', { alias: aliasOf(active.id), position: positionOf(over.id) }) : '',
    onDragCancel: ({ active }) =>
      t('meeting.moved', { alias: aliasOf(active.id), position: positionOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    moveAgendaItem(
      doc,
      String(active.id),
      agenda.findIndex((i) => i.id === over.id),
    );
  };
  if (agenda.length === 0) return <p className="muted">{t('meeting.agendaEmpty')}</p>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('meeting.dragHint') } }}
    >
      <SortableContext items={agenda.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <ol className="agenda-list">
          {agenda.map((item) => (
            <AgendaLine key={item.id} item={item} doc={doc} readOnly={readOnly} {...rest} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function AgendaLine({
  item,
  doc,
  readOnly,
  selected,
  current,
  onSelect,
  canRemove,
  onRemove,
}: Omit<Props, 'agenda'> & { item: AgendaItem }) {
  const { t } = useTranslation();
  const sortable = useSortable({ id: item.id, disabled: readOnly });
  const question = agendaQuestion(doc, item.id);
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };
  const classes = ['agenda-line', item.id === selected && 'is-selected', item.id === current && 'is-current'];
  return (
    <li ref={sortable.setNodeRef} style={style} className={classes.filter(Boolean).join(' ')}>
      <div className="agenda-line-head">
        {!readOnly && (
          <button
            type="button"
            className="drag-handle small"
            aria-label={t('meeting.drag', { alias: item.alias })}
            {...sortable.attributes}
            {...sortable.listeners}
          >
            ⠿
          </button>
        )}
        <button
          type="button"
          className="agenda-alias"
          aria-pressed={item.id === selected}
          aria-label={t('meeting.show', { alias: item.alias })}
          onClick={() => onSelect(item.id)}
        >
          {item.alias}
        </button>
        {item.id === current && <span className="flag flag-current">{t('meeting.current')}</span>}
        <ItemTimer item={item} />
      </div>
      <label className="visually-hidden" htmlFor={`question-${item.id}`}>
        {t('meeting.question', { alias: item.alias })}
      </label>
      {question && !readOnly ? (
        <CollabText id={`question-${item.id}`} text={question} multiline rows={2} maxLength={1000} />
      ) : (
        <p id={`question-${item.id}`}>{item.question}</p>
      )}
      {!readOnly && (
        <div className="agenda-line-tools">
          <label htmlFor={`slot-${item.id}`}>{t('meeting.slot', { alias: item.alias })}</label>
          <input
            id={`slot-${item.id}`}
            type="number"
            min={1}
            max={180}
            value={item.slotMinutes}
            onChange={(e) => {
              const minutes = Number(e.target.value);
              if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 180)
                setSlotMinutes(doc, item.id, minutes);
            }}
          />
          {canRemove(item.id) && (
            <button type="button" className="small" onClick={() => onRemove(item.id)}>
              {t('meeting.remove', { alias: item.alias })}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Time used against the slot; runs while the item is current. */
function ItemTimer({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const used = usedTime(item, now);
  const over = used > item.slotMinutes * 60_000;
  return (
    <span className={`item-timer${over ? ' is-over' : ''}`} role="timer" aria-live="off">
      {t('meeting.timer', {
        used: formatDuration(used),
        slot: t('meeting.minutesShort', { count: item.slotMinutes }),
      })}
      {over && ` · ${t('meeting.overTime')}`}
    </span>
  );
}
