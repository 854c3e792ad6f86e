package org.personaworkbench.app.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/** Read-only text table columns whose cells show the full value as a tooltip, so a narrow column hides nothing. */
public final class TextColumns {

    private TextColumns() {
    }

    /** A column showing {@code value(row).toString()}, preferring {@code width} and never narrower than {@code min}. */
    public static <S> TableColumn<S, Object> of(String title, Function<S, Object> value, double width, double min) {
        TableColumn<S, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TooltipTextCell<>());
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, min));
        return c;
    }

    /**
     * Puts the column's title into a header label that explains the figure in a tooltip (the column's text moves
     * to the label, so tests and users find the tooltip on the header).
     */
    public static <S, T> TableColumn<S, T> withTip(TableColumn<S, T> column, String tip) {
        javafx.scene.control.Label header = new javafx.scene.control.Label(column.getText());
        header.setTooltip(new Tooltip(tip));
        header.setMaxWidth(Double.MAX_VALUE); // a narrow column shows "Winsor…", never overlapping its neighbour
        header.getStyleClass().add("column-header-label");
        header.setStyle("-fx-padding: 0;"); // the header's own label is padded already: ".column-header .label" matches both
        column.setGraphic(header);
        column.setText(null);
        return column;
    }

    private static final class TooltipTextCell<S> extends TableCell<S, Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item.toString();
            setText(text);
            setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }
}
