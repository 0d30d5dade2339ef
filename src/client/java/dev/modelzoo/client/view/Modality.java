package dev.modelzoo.client.view;

/** The input type of a model or dataset; pre-training and fine-tuning must share it. */
public enum Modality {
    IMAGE, AUDIO, TEXT, TABULAR, TIME_SERIES
}
